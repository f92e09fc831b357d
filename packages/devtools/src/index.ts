'use client';

import type { ReactElement } from 'react';
import * as devtools from './production';

export type {
  DevtoolsStore,
  DevtoolsStoreOptions,
  DevtoolsTheme,
  SSEDevtoolsPanelProps,
  SSEDevtoolsProps,
} from './production';
export { createDevtoolsStore, getDevtoolsStore } from './production';

/** Renders nothing: what the devtools components are in a production build. */
function Nothing(): null {
  return null;
}

/**
 * The floating streams panel (see {@link devtools.SSEDevtools}). Renders nothing when
 * `process.env.NODE_ENV === 'production'`, and bundlers then drop the panel's code; to ship it
 * anyway, import from `@ssekit/devtools/production`.
 */
export const SSEDevtools: (props: devtools.SSEDevtoolsProps) => ReactElement | null =
  process.env.NODE_ENV === 'production' ? Nothing : devtools.SSEDevtools;

/** The inline streams panel (see {@link devtools.SSEDevtoolsPanel}); nothing in production builds. */
export const SSEDevtoolsPanel: (props: devtools.SSEDevtoolsPanelProps) => ReactElement | null =
  process.env.NODE_ENV === 'production' ? Nothing : devtools.SSEDevtoolsPanel;
