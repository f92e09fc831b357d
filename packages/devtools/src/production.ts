'use client';

// The devtools with no production guard: import from `@ssekit/devtools/production` to ship
// the panel in a production build on purpose (e.g. behind a flag, loaded lazily).
export type { DevtoolsStore, DevtoolsStoreOptions } from './devtools-store';
export { createDevtoolsStore, getDevtoolsStore } from './devtools-store';
export type { SSEDevtoolsProps } from './SSEDevtools';
export { SSEDevtools } from './SSEDevtools';
export type { DevtoolsTheme, SSEDevtoolsPanelProps } from './SSEDevtoolsPanel';
export { SSEDevtoolsPanel } from './SSEDevtoolsPanel';
