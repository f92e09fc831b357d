import { useSyncExternalStore } from 'react';

/** The dashboards, by hash route (`#/markets`); hash routes work on any static host. */
export const ROUTES = [
  { path: 'markets', title: 'Markets' },
  { path: 'jobs', title: 'Jobs' },
  { path: 'assistant', title: 'Assistant' },
] as const;

export type RoutePath = (typeof ROUTES)[number]['path'];

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const current = (): RoutePath => {
  const path = window.location.hash.replace(/^#\/?/, '');
  return ROUTES.find((r) => r.path === path)?.path ?? 'markets';
};

/** The route in the location hash; unknown or empty hashes show the markets. */
export function useRoute(): RoutePath {
  return useSyncExternalStore(subscribe, current, () => 'markets' as const);
}
