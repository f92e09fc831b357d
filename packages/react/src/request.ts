import type { ConnectOptions, HeadersOption } from '@ssekit/core';

/** Defaults that an {@link SSEProvider} gives every hook below it. */
export interface SSEDefaults {
  /** Relative hook URLs are resolved against it. */
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: HeadersOption;
  retry?: ConnectOptions['retry'];
}

const CORE_KEYS = [
  'method',
  'headers',
  'body',
  'credentials',
  'fetch',
  'lastEventId',
  'lastEventIdParam',
  'retry',
  'idleTimeoutMs',
  'maxConnectionAgeMs',
  'page',
  'signal',
  'transport',
  'maxEventBytes',
  'crossTab',
  'resetEvent',
  'events',
  'onUnauthorized',
] as const satisfies readonly (keyof ConnectOptions)[];

/** Picks the core connect options out of a hook's options (the rest are the hook's own). */
export function pickConnectOptions(options: object): ConnectOptions {
  const picked: Record<string, unknown> = {};
  for (const key of CORE_KEYS) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked as ConnectOptions;
}

/** Headers given as an object or made by a function, as an object. */
const headersOf = async (headers: HeadersOption) =>
  typeof headers === 'function' ? headers() : headers;

/**
 * Defaults' headers under a hook's own. With a function on either side the result is a new
 * function, which counts by its parts in a request key (`JSON.stringify` calls its `toJSON`), so
 * equal requests still share one connection in the hub.
 */
function mergeHeaders(base?: HeadersOption, own?: HeadersOption): HeadersOption | undefined {
  if (!base || !own) return base ?? own;
  if (typeof base === 'object' && typeof own === 'object') return { ...base, ...own };
  const merged = async () => ({ ...(await headersOf(base)), ...(await headersOf(own)) });
  return Object.assign(merged, { toJSON: () => [base, own] });
}

/**
 * Replaces the function options (headers, fetch, onUnauthorized) by stand-ins that call the
 * latest ones, so a hook keeps one request identity across renders and StrictMode's remount.
 * Make it once per hook (or provider): the stand-ins' identity is what stays the same.
 */
export function stableFunctions(current: () => ConnectOptions) {
  const headers = () => headersOf(current().headers ?? {});
  const stableFetch: typeof fetch = (input, init) =>
    (current().fetch ?? globalThis.fetch)(input, init);
  const onUnauthorized: ConnectOptions['onUnauthorized'] = (error) =>
    current().onUnauthorized?.(error);
  return (options: ConnectOptions): ConnectOptions => ({
    ...options,
    ...(typeof options.headers === 'function' && { headers }),
    ...(options.fetch && { fetch: stableFetch }),
    ...(options.onUnauthorized && { onUnauthorized }),
  });
}

/** The URL and options a hook connects with: its own options over the provider's defaults. */
export function resolveRequest(
  url: string,
  options: ConnectOptions,
  defaults: SSEDefaults,
): { url: string; options: ConnectOptions } {
  const { baseUrl, ...rest } = defaults;
  const headers = mergeHeaders(rest.headers, options.headers);
  return {
    url: baseUrl ? new URL(url, baseUrl).href : url,
    options: { ...rest, ...options, ...(headers && { headers }) },
  };
}
