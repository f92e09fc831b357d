import { getDefaultHub, type Hub, requestKey } from '@ssekit/core';
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from 'react';
import { type SSEDefaults, stableFunctions } from './request';

export interface SSEProviderProps extends SSEDefaults {
  /** The hub that shares connections; default: the process-wide `getDefaultHub()`. */
  hub?: Hub;
  children?: ReactNode;
}

/**
 * What hooks read from the nearest provider (or the defaults without one). A hook's request key
 * holds it: `getHub` counts by identity (a new hub, a new function), `defaults` by content.
 */
export interface SSEContextValue {
  /** Returns the hub; called only when a hook connects, so SSR never creates one. */
  getHub(): Hub;
  defaults: SSEDefaults;
}

const fallback: SSEContextValue = { getHub: getDefaultHub, defaults: {} };
const SSEContext = createContext<SSEContextValue>(fallback);

/** Gives the hooks below it a shared hub and request defaults (base URL, fetch, headers, retry). */
export function SSEProvider({ hub, baseUrl, fetch, headers, retry, children }: SSEProviderProps) {
  // Function props get stand-ins of stable identity (calling the latest prop), so an inline
  // headers function neither reconnects the hooks below nor stops them sharing connections.
  const latest = useRef({ fetch, headers });
  latest.current = { fetch, headers };
  const [stable] = useState(() => stableFunctions(() => latest.current));
  const fetchFn = fetch && stable({ fetch }).fetch;
  const headersFn = typeof headers === 'function' ? stable({ headers }).headers : undefined;
  const headersOption = headersFn ?? headers;
  const headersKey = typeof headers === 'function' ? null : requestKey(headers);
  const retryKey = requestKey(retry);

  // biome-ignore lint/correctness/useExhaustiveDependencies: object props count by content
  const value = useMemo<SSEContextValue>(() => {
    const defaults: SSEDefaults = {};
    if (baseUrl !== undefined) defaults.baseUrl = baseUrl;
    if (fetchFn !== undefined) defaults.fetch = fetchFn;
    if (headersOption !== undefined) defaults.headers = headersOption;
    if (retry !== undefined) defaults.retry = retry;
    return { getHub: hub ? () => hub : getDefaultHub, defaults };
  }, [hub, baseUrl, fetchFn, headersFn, headersKey, retryKey]);
  return <SSEContext.Provider value={value}>{children}</SSEContext.Provider>;
}

/** The nearest provider's hub and defaults. */
export function useSSEContext(): SSEContextValue {
  return useContext(SSEContext);
}
