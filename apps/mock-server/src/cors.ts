import type { IncomingMessage, ServerResponse } from 'node:http';

/** Origins allowed by default: any port on localhost and 127.0.0.1. */
export const DEFAULT_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

const ALLOW_HEADERS = 'content-type, authorization, last-event-id';
const ALLOW_METHODS = 'GET, POST, OPTIONS';

/**
 * Turns origin patterns into a matcher. A pattern is an exact origin, or has `*` wildcards:
 * `:*` matches any port (or none), any other `*` matches one host label part.
 */
export function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  const regexes = patterns.map((pattern) => {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const source = escaped.replace(/:\*$/, '(?::\\d+)?').replace(/\*/g, '[^./:]*');
    return new RegExp(`^${source}$`, 'i');
  });
  return (origin) => regexes.some((regex) => regex.test(origin));
}

/**
 * Applies CORS for an allowed origin: reflects it with credentials (never `*`), and answers a
 * preflight. Returns true when the request was a preflight and has been answered.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: (origin: string) => boolean,
): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'origin');
  const ok = origin !== undefined && allowed(origin);
  if (ok) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', 'retry-after');
  }
  if (req.method !== 'OPTIONS') return false;
  if (ok) {
    res.setHeader('access-control-allow-methods', ALLOW_METHODS);
    res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(ok ? 204 : 403).end();
  return true;
}
