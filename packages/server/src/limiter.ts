import type { ServerResponse } from 'node:http';
import type { NodeRequest, NodeResponse } from './node';

/** Connection limits for SSE endpoints. */
export interface LimiterOptions {
  /** Most open streams overall; past it new ones get HTTP 503. */
  maxConnections?: number;
  /** Most open streams per key (user, IP, token); past it new ones get HTTP 429. */
  maxPerKey?: number;
  /** The key of a request. Default: the client's IP address. */
  key?: (req: NodeRequest) => string;
  /** Seconds sent in `Retry-After`. Default 5. */
  retryAfterSeconds?: number;
}

/** A refusal: the status and `Retry-After` to answer with. */
export interface Rejection {
  status: 429 | 503;
  retryAfter: number;
}

/** Counts open streams and turns away those over the limits. */
export interface Limiter {
  /** Open streams counted now. */
  readonly active: number;
  /**
   * For Node servers: counts the response until it closes and returns true, or answers
   * 503/429 with `Retry-After` and returns false.
   */
  admit(req: NodeRequest, res: NodeResponse): boolean;
  /**
   * For any server: takes a slot for `key`, returning its release function (call it once the
   * stream ends), or the rejection to answer with.
   */
  acquire(key: string): { release: () => void } | Rejection;
  /** The `Response` for a rejection (fetch-style handlers). */
  reject(rejection: Rejection): Response;
}

/** Creates a limiter of concurrent SSE connections, overall and per key. */
export function createLimiter(options: LimiterOptions = {}): Limiter {
  const maxConnections = options.maxConnections ?? Number.POSITIVE_INFINITY;
  const maxPerKey = options.maxPerKey ?? Number.POSITIVE_INFINITY;
  const keyOf = options.key ?? ((req: NodeRequest) => req.socket?.remoteAddress ?? '');
  const retryAfter = options.retryAfterSeconds ?? 5;
  const perKey = new Map<string, number>();
  let active = 0;

  const limiter: Limiter = {
    get active() {
      return active;
    },
    acquire(key) {
      if (active >= maxConnections) return { status: 503, retryAfter };
      const count = perKey.get(key) ?? 0;
      if (count >= maxPerKey) return { status: 429, retryAfter };
      active++;
      perKey.set(key, count + 1);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          active--;
          const left = (perKey.get(key) ?? 1) - 1;
          if (left === 0) perKey.delete(key);
          else perKey.set(key, left);
        },
      };
    },
    admit(req, res) {
      const slot = limiter.acquire(keyOf(req));
      if ('status' in slot) {
        const r = res as ServerResponse;
        r.writeHead(slot.status, {
          'retry-after': String(slot.retryAfter),
          'content-type': 'text/plain; charset=utf-8',
        });
        r.end(
          slot.status === 503 ? 'Too many connections' : 'Too many connections for this client',
        );
        return false;
      }
      res.once('close', slot.release);
      return true;
    },
    reject(rejection) {
      return new Response(
        rejection.status === 503 ? 'Too many connections' : 'Too many connections for this client',
        {
          status: rejection.status,
          headers: { 'retry-after': String(rejection.retryAfter) },
        },
      );
    },
  };
  return limiter;
}
