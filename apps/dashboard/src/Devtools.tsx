import { type DevtoolsTheme, SSEDevtools } from '@ssekit/devtools';
import { lazy, Suspense } from 'react';

/**
 * The unguarded panel, loaded only when asked for in a production build: its code is a chunk
 * of its own that the page fetches only with the flag.
 */
const ProductionDevtools = lazy(() =>
  import('@ssekit/devtools/production').then((m) => ({ default: m.SSEDevtools })),
);

/**
 * `?devtools` in the page's address (before the `#/route`), or `localStorage['ssekit:devtools']`
 * set to `'1'`, shows the panel in a production build (e.g. `vite preview`).
 */
export function devtoolsRequested(): boolean {
  if (typeof window === 'undefined') return false;
  if (new URLSearchParams(window.location.search).has('devtools')) return true;
  try {
    return window.localStorage.getItem('ssekit:devtools') === '1';
  } catch {
    return false;
  }
}

/**
 * The streams panel of `@ssekit/devtools`, in the app's theme: always in development (`pnpm dashboard`), where the
 * default entry renders it; a production build drops that code, and shows the panel only when
 * {@link devtoolsRequested}, from the lazily loaded `@ssekit/devtools/production` entry.
 */
export function Devtools({ theme }: { theme: DevtoolsTheme }) {
  if (import.meta.env.PROD && devtoolsRequested()) {
    return (
      <Suspense fallback={null}>
        <ProductionDevtools theme={theme} />
      </Suspense>
    );
  }
  return <SSEDevtools theme={theme} />;
}
