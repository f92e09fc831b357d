export type { MockStats } from './engine';
export type { MockServer, MockServerOptions } from './mock-server';
export { createMockServer } from './mock-server';
export type { RunningMockServer, StartOptions } from './standalone';
export { startMockServer } from './standalone';
export { mockServerPlugin } from './vite';
