import { createMiddleware, type MockServer } from './middleware';

export type { MockServer } from './middleware';

export interface MockServerOptions {
  /** Seed of every scenario unless a request gives `?seed=`. Default 1. */
  seed?: string | number;
  /** Origins allowed by CORS (patterns with `*`). Default: `http://localhost:*`, `http://127.0.0.1:*`. */
  origins?: string[];
}

/**
 * Creates the mock SSE server as a connect-style middleware: requests outside `/sse` go to `next`
 * (or get a 404). Scenarios: ticker, notifications, jobs, chat, logs; every one takes the fault
 * switches (see the package README).
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  // Loaded on the first request: importing this package (e.g. for its Vite plugin from a config
  // file, which Node evaluates without the `source` condition) must work before the workspace
  // packages are built.
  return createMiddleware(async (stats) => (await import('./router')).createRouter(options, stats));
}
