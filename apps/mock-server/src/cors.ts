import { type Cors, createCors } from '@ssekit/server';

/** Origins allowed by default: any port on localhost and 127.0.0.1. */
export const DEFAULT_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * The mock server's CORS: `@ssekit/server`'s helper for the configured origin patterns, so its
 * preflights allow every header an ssekit client may send (last-event-id, authorization,
 * content-type, cache-control) and only configured origins are reflected.
 */
export function mockCors(origins: readonly string[] = DEFAULT_ORIGINS): Cors {
  return createCors({ origins });
}
