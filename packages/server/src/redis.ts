import type { Redis } from 'ioredis';
import { formatEvent, type SSEMessage } from './format';
import { createSession, lastEventIdOf, type NodeRequest, type NodeResponse } from './node';
import { encode, type Session, SessionImpl, type SessionOptions } from './session';
import { createResponse } from './web';

/** How a session subscribes to a shared channel. */
export interface SharedSubscribeOptions {
  filter?: (msg: SSEMessage) => boolean;
  /** Replay what was missed after `session.lastEventId`. Default true. */
  replay?: boolean;
}

/** A channel whose publishes, IDs and history are shared by every server instance through Redis. */
export interface SharedChannel {
  readonly name: string;
  /** Local sessions subscribed on this instance. */
  readonly size: number;
  /** Publishes to every instance; resolves with the message as stored (with its shared ID). */
  publish(msg: SSEMessage): Promise<SSEMessage>;
  /** Subscribes a local session, replaying what it missed from the shared history. */
  subscribe(session: Session, opts?: SharedSubscribeOptions): Promise<() => void>;
  /** Like `Channel.handle`: `x-sse-oldest-id` and a `reset` event when the ID is too old. */
  handle(
    req: NodeRequest,
    res: NodeResponse,
    options?: SessionOptions & SharedSubscribeOptions,
  ): Promise<Session>;
  /** The fetch-style `handle`. */
  handleRequest(
    request: Request,
    options?: SessionOptions & SharedSubscribeOptions,
  ): Promise<Response>;
}

/** Shares channels between server instances through Redis. */
export interface RedisBroker {
  /** The channel `name` (the same name on every instance is the same channel). */
  channel(name: string, options?: { historySize?: number }): SharedChannel;
  /** Ends every local session, unsubscribes and quits both Redis connections. */
  close(): Promise<void>;
}

// INCR for the ID (unless one is given), append to the capped history list and publish, atomically,
// so every instance sees one order. An entry is `<id> <json>`.
const PUBLISH_SCRIPT = `
local id = ARGV[3]
if id == '' then id = tostring(redis.call('INCR', KEYS[1])) end
local entry = id .. ' ' .. ARGV[1]
redis.call('RPUSH', KEYS[2], entry)
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PUBLISH', KEYS[3], entry)
return id`;

function decode(entry: string): SSEMessage & { id: string } {
  const space = entry.indexOf(' ');
  return { ...(JSON.parse(entry.slice(space + 1)) as SSEMessage), id: entry.slice(0, space) };
}

interface Sub {
  session: Session;
  filter: ((msg: SSEMessage) => boolean) | undefined;
  /** Live entries that arrived while the replay was read; undefined once live. */
  pending: string[] | undefined;
}

function deliver(sub: Sub, msg: SSEMessage, text?: string, bytes?: Uint8Array): void {
  if (sub.filter && !sub.filter(msg)) return;
  const t = text ?? formatEvent(msg);
  if (sub.session instanceof SessionImpl) sub.session.write(bytes ?? encode(t));
  else sub.session.writeRaw(t);
}

/**
 * Creates a broker that shares channels between instances: Redis pub/sub for the fan-out and a
 * capped Redis list for the shared history and IDs. `redis` is called twice (a command connection
 * and a subscriber connection).
 */
export function createRedisBroker(options: { redis: () => Redis; prefix?: string }): RedisBroker {
  const prefix = options.prefix ?? 'ssekit:';
  const cmd = options.redis();
  const sub = options.redis();
  const channels = new Map<string, { subs: Set<Sub> }>();

  sub.on('message', (key: string, entry: string) => {
    const local = channels.get(key);
    if (!local || local.subs.size === 0) return;
    const msg = decode(entry);
    const text = formatEvent(msg);
    const bytes = encode(text);
    for (const s of local.subs) {
      if (s.pending) s.pending.push(entry);
      else deliver(s, msg, text, bytes);
    }
  });

  function channel(name: string, { historySize = 1000 } = {}): SharedChannel {
    const keys = [`${prefix}${name}:seq`, `${prefix}${name}:history`, `${prefix}${name}`] as const;
    let local = channels.get(keys[2]);
    if (!local) {
      local = { subs: new Set() };
      channels.set(keys[2], local);
    }
    const subs = local.subs;
    const subscribed = sub.subscribe(keys[2]);

    async function readHistory(lastEventId: string) {
      const entries = await cmd.lrange(keys[1], 0, -1);
      const ids = entries.map((e) => e.slice(0, e.indexOf(' ')));
      const at = ids.lastIndexOf(lastEventId);
      return {
        reset: at === -1,
        oldestId: ids[0] ?? null,
        latestId: ids[ids.length - 1] ?? null,
        entries: at === -1 ? entries : entries.slice(at + 1),
      };
    }

    async function subscribe(session: Session, opts: SharedSubscribeOptions = {}) {
      if (session.closed) return () => {};
      const replay = opts.replay !== false && session.lastEventId !== undefined;
      const s: Sub = { session, filter: opts.filter, pending: replay ? [] : undefined };
      subs.add(s); // at once: nothing published from here on is missed
      const unlisten = session.onClose(() => subs.delete(s));
      await subscribed;
      if (replay) {
        const missed = await readHistory(session.lastEventId!);
        if (missed.reset) {
          const data = { oldestId: missed.oldestId, latestId: missed.latestId };
          session.send({ event: 'reset', data });
        }
        const replayed = new Set<string>();
        for (const entry of missed.entries) {
          const msg = decode(entry);
          replayed.add(msg.id);
          deliver(s, msg);
        }
        const live = s.pending ?? [];
        s.pending = undefined;
        for (const entry of live) {
          const msg = decode(entry);
          if (!replayed.has(msg.id)) deliver(s, msg);
        }
      }
      return () => {
        unlisten();
        subs.delete(s);
      };
    }

    async function oldestHeader(
      lastEventId: string | undefined,
      opts: SessionOptions & SharedSubscribeOptions,
    ) {
      if (lastEventId === undefined || opts.replay === false) return opts.headers;
      const missed = await readHistory(lastEventId);
      if (!missed.reset) return opts.headers;
      return { ...opts.headers, 'x-sse-oldest-id': missed.oldestId ?? '' };
    }

    return {
      name,
      get size() {
        return subs.size;
      },
      async publish(msg) {
        const { id, ...rest } = msg;
        formatEvent(msg); // throws SSEFormatError before anything is stored
        const stored = await cmd.eval(
          PUBLISH_SCRIPT,
          3,
          ...keys,
          JSON.stringify(rest),
          String(historySize),
          id === undefined ? '' : String(id),
        );
        return { ...msg, id: String(stored) };
      },
      subscribe,
      async handle(req, res, opts = {}) {
        await subscribed; // once the head is out, the stream is live on every instance
        const headers = await oldestHeader(lastEventIdOf(req, opts.maxLastEventIdLength), opts);
        const session = createSession(req, res, { ...opts, headers });
        await subscribe(session, opts);
        return session;
      },
      async handleRequest(request, opts = {}) {
        await subscribed;
        const { response, session } = createResponse(request, opts);
        const headers = await oldestHeader(session.lastEventId, opts);
        const oldest = headers?.['x-sse-oldest-id'];
        if (oldest !== undefined) response.headers.set('x-sse-oldest-id', oldest);
        await subscribe(session, opts);
        return response;
      },
    };
  }

  return {
    channel,
    async close() {
      for (const { subs } of channels.values()) for (const s of [...subs]) s.session.close();
      channels.clear();
      await Promise.allSettled([sub.quit(), cmd.quit()]);
    },
  };
}
