import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockStats } from './engine';
import { sendJson } from './http';
import type { Router } from './router';
import { SwitchError } from './switches';

/** Connect-style middleware serving the mock scenarios under `/sse`. */
export interface MockServer {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** Live counters (streams open, events sent, chat tokens generated). */
  readonly stats: Readonly<MockStats>;
  /** Ends every open stream. */
  close(): void;
}

/**
 * Wraps a router as middleware: paths outside `/sse` go to `next` (or get a 404), bad parameters
 * get a 400 naming them. The router is loaded on the first request.
 */
export function createMiddleware(loadRouter: (stats: MockStats) => Promise<Router>): MockServer {
  const stats: MockStats = { activeStreams: 0, eventsSent: 0, tokensGenerated: 0 };
  let router: Promise<Router> | undefined;
  const middleware = (
    req: IncomingMessage,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/sse' && !url.pathname.startsWith('/sse/')) {
      if (next) next();
      else sendJson(res, 404, { error: 'Not found', index: '/sse/' });
      return;
    }
    router ??= loadRouter(stats);
    router
      .then((r) => r.handle(req, res, url))
      .catch((error: unknown) => {
        if (res.headersSent) res.destroy();
        else if (error instanceof SwitchError)
          sendJson(res, 400, { error: error.message, param: error.param });
        else sendJson(res, 500, { error: String(error) });
      });
  };
  return Object.assign(middleware, {
    stats,
    close() {
      router?.then((r) => r.close());
    },
  });
}
