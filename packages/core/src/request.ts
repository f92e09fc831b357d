import type { TransportRequest } from './transport';
import type { ConnectOptions } from './types';

/**
 * The request of one connection attempt: headers resolved (a headers function is called for
 * each attempt, for fresh tokens), and the resume id sent as `Last-Event-ID` or, with
 * `lastEventIdParam`, as a query parameter.
 */
export async function transportRequest(
  url: string,
  options: ConnectOptions,
  lastEventId: string,
): Promise<TransportRequest> {
  const { headers, lastEventIdParam: param } = options;
  return {
    url: param ? withQueryParam(url, param, lastEventId) : url,
    method: options.method ?? 'GET',
    headers: typeof headers === 'function' ? await headers() : (headers ?? {}),
    body: options.body,
    credentials: options.credentials,
    fetch: options.fetch,
    lastEventId: param ? '' : lastEventId,
  };
}

/**
 * `url` with the query parameter `name` set to `value` (other parameters and the hash kept as
 * written); `url` itself when `value` is empty.
 */
export function withQueryParam(url: string, name: string, value: string): string {
  if (!value) return url;
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const [path = '', query = ''] = (hashAt < 0 ? url : url.slice(0, hashAt)).split(/\?(.*)/s);
  const key = encodeURIComponent(name);
  const kept = query.split('&').filter((pair) => pair && pair.split('=')[0] !== key);
  kept.push(`${key}=${encodeURIComponent(value)}`);
  return `${path}?${kept.join('&')}${hash}`;
}
