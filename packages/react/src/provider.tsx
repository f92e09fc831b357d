import { getDefaultHub, type Hub } from '@ssekit/core';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { SSEDefaults } from './request';

export interface SSEProviderProps extends SSEDefaults {
  /** The hub that shares connections; default: the process-wide `getDefaultHub()`. */
  hub?: Hub;
  children?: ReactNode;
}

/** What hooks read from the nearest provider (or the defaults without one). */
export interface SSEContextValue {
  /** Returns the hub; called only when a hook connects, so SSR never creates one. */
  getHub(): Hub;
  defaults: SSEDefaults;
  /** Equal for providers that would make the same requests. */
  hubId: Hub | null;
}

const fallback: SSEContextValue = { getHub: getDefaultHub, defaults: {}, hubId: null };
const SSEContext = createContext<SSEContextValue>(fallback);

/** Gives the hooks below it a shared hub and request defaults (base URL, fetch, headers, retry). */
export function SSEProvider({ hub, baseUrl, fetch, headers, retry, children }: SSEProviderProps) {
  const value = useMemo<SSEContextValue>(() => {
    const defaults: SSEDefaults = {};
    if (baseUrl !== undefined) defaults.baseUrl = baseUrl;
    if (fetch !== undefined) defaults.fetch = fetch;
    if (headers !== undefined) defaults.headers = headers;
    if (retry !== undefined) defaults.retry = retry;
    return { getHub: hub ? () => hub : getDefaultHub, defaults, hubId: hub ?? null };
  }, [hub, baseUrl, fetch, headers, retry]);
  return <SSEContext.Provider value={value}>{children}</SSEContext.Provider>;
}

/** The nearest provider's hub and defaults. */
export function useSSEContext(): SSEContextValue {
  return useContext(SSEContext);
}
