'use client';

import { type ComponentType, createElement, lazy, type ReactElement, Suspense } from 'react';
import type { SSEDevtoolsPanelProps, SSEDevtoolsProps } from './production';

export type { DevtoolsStore, DevtoolsStoreOptions } from './devtools-store';
export { createDevtoolsStore, getDevtoolsStore } from './devtools-store';
export type { DevtoolsTheme, SSEDevtoolsPanelProps, SSEDevtoolsProps } from './production';

/** Renders nothing: what the devtools components are in a production build. */
function Nothing(): null {
  return null;
}

/**
 * A component that loads the panel's module on first render. A dynamic import, so that in a
 * production build (where it is never called) no module of the panel stays reachable from the
 * app: bundlers drop it, and an app that also imports `@ssekit/devtools/production` lazily gets
 * the panel as a chunk of its own.
 */
function loaded<P extends object>(
  pick: (m: typeof import('./production')) => ComponentType<P>,
): (props: P) => ReactElement {
  const Panel = lazy(() => import('./production').then((m) => ({ default: pick(m) })));
  return (props) => createElement(Suspense, { fallback: null }, createElement(Panel, props));
}

/**
 * The floating streams panel (see `SSEDevtools` of `@ssekit/devtools/production`): a button in a
 * corner of the page that opens the panel. Renders nothing when
 * `process.env.NODE_ENV === 'production'`, and bundlers then drop the panel's code; to ship it
 * anyway, import from `@ssekit/devtools/production` (lazily, behind a flag).
 */
export const SSEDevtools: (props: SSEDevtoolsProps) => ReactElement | null =
  process.env.NODE_ENV === 'production' ? Nothing : loaded((m) => m.SSEDevtools);

/** The inline streams panel (see `SSEDevtoolsPanel` of `@ssekit/devtools/production`); nothing in production builds. */
export const SSEDevtoolsPanel: (props: SSEDevtoolsPanelProps) => ReactElement | null =
  process.env.NODE_ENV === 'production' ? Nothing : loaded((m) => m.SSEDevtoolsPanel);
