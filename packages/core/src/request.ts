import type { TransportRequest } from './transport';
import type { ConnectOptions } from './types';

/**
 * The request of one connection attempt: headers resolved (a headers function is called for
 * each attempt, for fresh tokens), and the resume id sent as `Last-Event-ID` or, with
 * `lastEventIdParam`, as a query parameter.
 */
export async function transportRequest(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
    credentials,
    fetch,
    lastEventIdParam: param,
  }: ConnectOptions,
  lastEventId: string,
): Promise<TransportRequest> {
  return {
    url: param ? withQueryParam(url, param, lastEventId) : url,
    method,
    headers: typeof headers === 'function' ? await headers() : headers,
    body,
    credentials,
    fetch,
    lastEventId: param ? '' : lastEventId,
  };
}

/**
 * `url` with the query parameter `name` set to `value` (other parameters and the hash kept as
 * written); `url` itself when `value` is empty.
 */
export function withQueryParam(url: string, name: string, value: string): string {
  if (!value) return url;
  const key = encodeURIComponent(name);
  const [, path, query, hash] = /^([^?#]*)\??([^#]*)(.*)$/s.exec(url) as string[];
  const kept = query!.split('&').filter((pair) => pair && pair.split('=')[0] !== key);
  return `${path}?${[...kept, `${key}=${encodeURIComponent(value)}`].join('&')}${hash}`;
}
