import {
  type ConnectOptions,
  type HeadersOption,
  type HeadersRecord,
  requestKey,
} from '@ssekit/core';

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

type HeadersFn = Exclude<HeadersOption, HeadersRecord>;

/**
 * Merged header functions, cached so that equal requests keep one identity (the hub shares by
 * it): by reference for functions (weakly), by content for objects (a few per function).
 */
const merged = new WeakMap<
  HeadersFn,
  { byRef: WeakMap<HeadersFn, HeadersFn>; byContent: Map<string, HeadersFn> }
>();
const CONTENT_ENTRIES = 16;

function mergeHeaders(base?: HeadersOption, own?: HeadersOption): HeadersOption | undefined {
  if (!base) return own;
  if (!own) return base;
  if (typeof base === 'object' && typeof own === 'object') return { ...base, ...own };
  const make = (): HeadersFn => async () => ({
    ...(typeof base === 'function' ? await base() : base),
    ...(typeof own === 'function' ? await own() : own),
  });
  const anchor = (typeof base === 'function' ? base : own) as HeadersFn;
  const other = anchor === base ? own : base;
  let cache = merged.get(anchor);
  if (!cache) {
    cache = { byRef: new WeakMap(), byContent: new Map() };
    merged.set(anchor, cache);
  }
  if (typeof other === 'function') {
    const hit = cache.byRef.get(other) ?? make();
    cache.byRef.set(other, hit);
    return hit;
  }
  const key = requestKey(other);
  const hit = cache.byContent.get(key) ?? make();
  cache.byContent.delete(key);
  cache.byContent.set(key, hit);
  if (cache.byContent.size > CONTENT_ENTRIES) {
    cache.byContent.delete(cache.byContent.keys().next().value as string);
  }
  return hit;
}

/**
 * Replaces the function options (headers, fetch, onUnauthorized) by stand-ins that call the latest ones, so a
 * hook keeps one request identity across renders and StrictMode's remount.
 */
export function stableFunctions(current: () => ConnectOptions) {
  const headers = async (): Promise<HeadersRecord> => {
    const latest = current().headers;
    return typeof latest === 'function' ? latest() : (latest ?? {});
  };
  const stableFetch: typeof fetch = (input, init) =>
    (current().fetch ?? globalThis.fetch)(input, init);
  const onUnauthorized: ConnectOptions['onUnauthorized'] = (error) =>
    current().onUnauthorized?.(error);
  return (options: ConnectOptions): ConnectOptions => ({
    ...options,
    ...(typeof options.headers === 'function' ? { headers } : {}),
    ...(options.fetch ? { fetch: stableFetch } : {}),
    ...(options.onUnauthorized ? { onUnauthorized } : {}),
  });
}

/** The URL and options a hook connects with: its own options over the provider's defaults. */
export function resolveRequest(
  url: string,
  options: ConnectOptions,
  defaults: SSEDefaults,
): { url: string; options: ConnectOptions } {
  const { baseUrl, ...rest } = defaults;
  const merged: ConnectOptions = { ...rest, ...options };
  const headers = mergeHeaders(rest.headers, options.headers);
  if (headers) merged.headers = headers;
  else delete merged.headers;
  return { url: baseUrl ? new URL(url, baseUrl).toString() : url, options: merged };
}
