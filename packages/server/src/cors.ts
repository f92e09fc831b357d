import { OLDEST_ID_HEADER } from './channel';
import type { NodeRequest, NodeResponse } from './node';

/** Options of {@link createCors}. */
export interface CorsOptions {
  /**
   * The page origins allowed to stream, as exact origins (`'https://app.example.com'`) or
   * patterns: `:*` at the end matches any port (or none), any other `*` one part of a host name
   * (`'https://*.example.com'`). Or a function deciding per origin. Only an allowed origin is
   * reflected; there is no `*`.
   */
  origins: readonly string[] | ((origin: string) => boolean);
  /** Send `access-control-allow-credentials: true` (cookies, `withCredentials`). Default true. */
  credentials?: boolean;
  /**
   * Request headers a preflight may ask for. Default: every header an ssekit client may send,
   * `last-event-id`, `authorization`, `content-type`, `cache-control`, `accept`.
   */
  allowHeaders?: readonly string[];
  /** Methods a preflight may ask for. Default `GET, POST, OPTIONS`. */
  allowMethods?: readonly string[];
  /** Response headers the page may read. Default `retry-after` and the oldest-id header. */
  exposeHeaders?: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

/** CORS for SSE endpoints, for Node's `http` and for the Fetch API (see {@link createCors}). */
export interface Cors {
  /** Whether a page of this origin may stream. */
  allows(origin: string): boolean;
  /**
   * Node: sets the CORS headers on `res` for an allowed origin and answers a preflight
   * (`OPTIONS`: 204, or 403 for an origin not allowed). Returns true when it answered, so the
   * handler stops there.
   */
  handle(req: NodeRequest, res: NodeResponse): boolean;
  /**
   * Fetch API: the CORS headers for a request (only `vary` for an origin not allowed), to add to
   * the response (e.g. `createResponse(request, { headers })`).
   */
  headers(request: Request): Record<string, string>;
  /** Fetch API: the answer to a preflight, or null when `request` is not one. */
  preflight(request: Request): Response | null;
}

const DEFAULT_ALLOW_HEADERS = [
  'last-event-id',
  'authorization',
  'content-type',
  'cache-control',
  'accept',
];

/**
 * Makes a CORS policy for SSE endpoints served to pages of other origins. A plain GET stream
 * from an ssekit client (or `EventSource`) needs only the allowed origin reflected; resuming
 * with `Last-Event-ID`, an `Authorization` header or a JSON POST make the browser send a
 * preflight first, which this answers for the configured origins only.
 *
 * @example
 * const cors = createCors({ origins: ['https://app.example.com', 'http://localhost:*'] });
 * http.createServer((req, res) => {
 *   if (cors.handle(req, res)) return; // a preflight, answered
 *   const session = createSession(req, res);
 * });
 */
export function createCors(options: CorsOptions): Cors {
  const allows =
    typeof options.origins === 'function' ? options.origins : originMatcher(options.origins);
  const credentials = options.credentials ?? true;
  const allowHeaders = (options.allowHeaders ?? DEFAULT_ALLOW_HEADERS).join(', ');
  const allowMethods = (options.allowMethods ?? ['GET', 'POST', 'OPTIONS']).join(', ');
  const expose = (options.exposeHeaders ?? ['retry-after', OLDEST_ID_HEADER]).join(', ');
  const maxAge = String(options.maxAgeSeconds ?? 600);

  const headersFor = (origin: string | null | undefined, preflight: boolean) => {
    const headers: Record<string, string> = { vary: 'origin' };
    if (!origin || !allows(origin)) return headers;
    headers['access-control-allow-origin'] = origin;
    if (credentials) headers['access-control-allow-credentials'] = 'true';
    if (expose) headers['access-control-expose-headers'] = expose;
    if (preflight) {
      headers['access-control-allow-methods'] = allowMethods;
      headers['access-control-allow-headers'] = allowHeaders;
      headers['access-control-max-age'] = maxAge;
    }
    return headers;
  };

  return {
    allows,
    handle(req, res) {
      const origin = req.headers.origin;
      const preflight = req.method === 'OPTIONS';
      const headers = headersFor(origin, preflight);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (!preflight) return false;
      res.statusCode = origin && allows(origin) ? 204 : 403;
      res.end();
      return true;
    },
    headers: (request) => headersFor(request.headers.get('origin'), false),
    preflight(request) {
      if (request.method !== 'OPTIONS') return null;
      const origin = request.headers.get('origin');
      const ok = !!origin && allows(origin);
      return new Response(null, { status: ok ? 204 : 403, headers: headersFor(origin, true) });
    },
  };
}

/**
 * Turns origin patterns into a matcher. A pattern is an exact origin, or has `*` wildcards:
 * `:*` at the end matches any port (or none), any other `*` matches one host label part.
 */
export function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  const regexes = patterns.map((pattern) => {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const source = escaped.replace(/:\*$/, '(?::\\d+)?').replace(/\*/g, '[^./:]*');
    return new RegExp(`^${source}$`, 'i');
  });
  return (origin) => regexes.some((regex) => regex.test(origin));
}
