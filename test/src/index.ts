export * from './ai-fixtures';
export { chromiumArgs, chromiumLaunchOptions, chromiumPath } from './chromium';
export { type GatedStep, gated } from './gated';
export type { RecordedRequest, TestHandler, TestServer } from './http-server';
export { startServer, writeSSEHead } from './http-server';
export { until } from './until';
