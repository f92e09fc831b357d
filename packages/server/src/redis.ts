import type { Redis } from 'ioredis';
import { newEpoch } from './epoch';
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
  /**
   * Like `Channel.handle`: `x-sse-oldest-id` and a `reset` event when the ID is too old or of
   * another epoch. When Redis cannot be read it answers with an event stream that holds only a
   * `retry:` hint and ends (so every client, spec `EventSource` included, comes back with its
   * `Last-Event-ID`), and rejects.
   */
  handle(
    req: NodeRequest,
    res: NodeResponse,
    options?: SessionOptions & SharedSubscribeOptions,
  ): Promise<Session>;
  /** The fetch-style `handle` (the same `retry:`-only stream when Redis cannot be read). */
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

// Atomically: the stream's epoch (made once, from the candidate given), the next sequence number,
// the ID (`<epoch>-<seq>` unless one is given), an append to the capped history list and a publish,
// so every instance sees one order. An entry is `<epoch> <seq> <id> <json>`.
const PUBLISH_SCRIPT = `
local epoch = redis.call('GET', KEYS[4])
if not epoch then
  epoch = ARGV[4]
  redis.call('SET', KEYS[4], epoch)
  redis.call('DEL', KEYS[1], KEYS[2])
end
local seq = redis.call('INCR', KEYS[1])
local id = ARGV[3]
if id == '' then id = epoch .. '-' .. seq end
local entry = epoch .. ' ' .. seq .. ' ' .. id .. ' ' .. ARGV[1]
redis.call('RPUSH', KEYS[2], entry)
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PUBLISH', KEYS[3], entry)
return id`;

/** One published message as Redis holds it. */
interface Entry {
  epoch: string;
  seq: number;
  msg: SSEMessage & { id: string };
}

function decode(raw: string): Entry {
  const a = raw.indexOf(' ');
  const b = raw.indexOf(' ', a + 1);
  const c = raw.indexOf(' ', b + 1);
  const msg = JSON.parse(raw.slice(c + 1)) as SSEMessage;
  return {
    epoch: raw.slice(0, a),
    seq: Number(raw.slice(a + 1, b)),
    msg: { ...msg, id: raw.slice(b + 1, c) },
  };
}

/** The shared history at one instant: its epoch, the last sequence number and what is retained. */
interface Snapshot {
  epoch: string | undefined;
  seq: number;
  entries: Entry[];
}

/** What a resuming client missed, read from a snapshot. */
interface Missed {
  reset: boolean;
  oldestId: string | null;
  latestId: string | null;
  entries: Entry[];
  snapshot: Snapshot;
}

interface Sub {
  session: Session | undefined;
  filter: ((msg: SSEMessage) => boolean) | undefined;
  /** Live entries that arrived before the replay was written; undefined once live. */
  pending: Entry[] | undefined;
  /** Epoch and sequence number of the last entry this session has (delivered or filtered out). */
  epoch: string | undefined;
  seq: number;
  /**
   * Set when the session was given the whole (empty) history of a channel with no epoch yet: its
   * first live entry must then be the first of the new epoch, or some were missed.
   */
  fromStart?: boolean;
}

/** The `retry:` hint (ms) of the stream answered while Redis cannot be read. */
const UNAVAILABLE_RETRY_MS = 1000;

function deliver(sub: Sub, msg: SSEMessage, text?: string, bytes?: Uint8Array): void {
  const session = sub.session!;
  if (sub.filter && !sub.filter(msg)) return;
  const t = text ?? formatEvent(msg);
  if (session instanceof SessionImpl) session.write(bytes ?? encode(t));
  else session.writeRaw(t);
}

/**
 * Takes a live entry for a session that is past its replay: an entry the replay already covered
 * is dropped (pub/sub lags behind the command connection), and when entries were missed (the
 * subscriber connection dropped) or the history was replaced (Redis lost its data) the session
 * is closed, so its client resumes with `Last-Event-ID` and gets exactly the rest, or a `reset`.
 */
function advance(sub: Sub, entry: Entry, text?: string, bytes?: Uint8Array): void {
  if (sub.epoch === undefined) {
    sub.epoch = entry.epoch;
    sub.seq = sub.fromStart ? 0 : entry.seq - 1;
  }
  if (entry.epoch !== sub.epoch || entry.seq > sub.seq + 1) {
    sub.session!.close();
    return;
  }
  if (entry.seq <= sub.seq) return;
  sub.seq = entry.seq;
  deliver(sub, entry.msg, text, bytes);
}

/**
 * Creates a broker that shares channels between instances: Redis pub/sub for the fan-out and a
 * capped Redis list for the shared history, IDs and epoch. `redis` is called twice (a command
 * connection and a subscriber connection).
 */
export function createRedisBroker(options: { redis: () => Redis; prefix?: string }): RedisBroker {
  const prefix = options.prefix ?? 'ssekit:';
  const cmd = options.redis();
  const sub = options.redis();
  const channels = new Map<string, { subs: Set<Sub> }>();

  sub.on('message', (key: string, raw: string) => {
    const local = channels.get(key);
    if (!local || local.subs.size === 0) return;
    const entry = decode(raw);
    const text = formatEvent(entry.msg);
    const bytes = encode(text);
    for (const s of [...local.subs]) {
      if (s.pending) s.pending.push(entry);
      else advance(s, entry, text, bytes);
    }
  });

  function channel(name: string, { historySize = 1000 } = {}): SharedChannel {
    const base = `${prefix}${name}`;
    const keys = [`${base}:seq`, `${base}:history`, base, `${base}:epoch`] as const;
    let local = channels.get(base);
    if (!local) {
      local = { subs: new Set() };
      channels.set(base, local);
    }
    const subs = local.subs;
    // Subscribed once for good; a SUBSCRIBE that failed (Redis away when the channel was made) is
    // tried again by the next request instead of failing every request from then on.
    let subscribed: Promise<unknown> | undefined;
    const subscribe = () =>
      (subscribed ??= sub.subscribe(base).catch((error: unknown) => {
        subscribed = undefined;
        throw error;
      }));
    subscribe().catch(() => {});

    async function snapshot(): Promise<Snapshot> {
      const results = await cmd.multi().get(keys[3]).get(keys[0]).lrange(keys[1], 0, -1).exec();
      if (!results) throw new Error('Redis transaction aborted');
      for (const [error] of results) if (error) throw error;
      const [epoch, seq, raw] = results.map(([, value]) => value) as [
        string | null,
        string | null,
        string[],
      ];
      return { epoch: epoch ?? undefined, seq: Number(seq ?? 0), entries: raw.map(decode) };
    }

    async function missedSince(lastEventId: string): Promise<Missed> {
      const snap = await snapshot();
      const { entries } = snap;
      let at = -1;
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i]!.msg.id === lastEventId) {
          at = i;
          break;
        }
      }
      return {
        reset: at === -1,
        oldestId: entries[0]?.msg.id ?? null,
        latestId: entries.at(-1)?.msg.id ?? null,
        entries: entries.slice(at + 1),
        snapshot: snap,
      };
    }

    /**
     * Registers a subscriber before anything is read, so no publish from here on is missed, and
     * reads what `lastEventId` missed. Live entries wait in `pending` until {@link start}.
     */
    async function join(lastEventId: string | undefined, opts: SharedSubscribeOptions) {
      const s: Sub = {
        session: undefined,
        filter: opts.filter,
        pending: [],
        epoch: undefined,
        seq: 0,
      };
      subs.add(s);
      try {
        await subscribe();
        const replay = opts.replay !== false && lastEventId !== undefined;
        return { s, missed: replay ? await missedSince(lastEventId) : undefined };
      } catch (error) {
        subs.delete(s);
        throw error;
      }
    }

    /** Attaches the session: the `reset` if any, the replay, then what arrived live meanwhile. */
    function start(s: Sub, session: Session, missed: Missed | undefined): () => void {
      s.session = session;
      const unlisten = session.onClose(() => subs.delete(s));
      if (session.closed) return unlisten;
      if (missed) {
        if (missed.reset) {
          session.send({
            event: 'reset',
            data: { oldestId: missed.oldestId, latestId: missed.latestId },
          });
        }
        for (const entry of missed.entries) deliver(s, entry.msg);
        s.epoch = missed.snapshot.epoch;
        s.seq = missed.snapshot.epoch === undefined ? 0 : missed.snapshot.seq;
        s.fromStart = missed.snapshot.epoch === undefined;
      }
      const live = s.pending ?? [];
      s.pending = undefined;
      for (const entry of live) {
        if (session.closed) break;
        advance(s, entry);
      }
      return () => {
        unlisten();
        subs.delete(s);
      };
    }

    /**
     * While Redis cannot be read: a stream with only a `retry:` hint, ended at once. A 503 would
     * make a spec `EventSource` give up for good; an ended stream makes every client reconnect
     * after the hint with its `Last-Event-ID`, to get the rest or a `reset` once Redis is back.
     */
    function unavailable(session: Session, opts: SessionOptions): void {
      if (opts.retry === undefined) session.writeRaw(formatEvent({ retry: UNAVAILABLE_RETRY_MS }));
      session.comment('redis unavailable');
      session.close();
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
          4,
          ...keys,
          JSON.stringify(rest),
          String(historySize),
          id === undefined ? '' : String(id),
          newEpoch(),
        );
        return { ...msg, id: String(stored) };
      },
      async subscribe(session, opts = {}) {
        if (session.closed) return () => {};
        const { s, missed } = await join(session.lastEventId, opts);
        return start(s, session, missed);
      },
      async handle(req, res, opts = {}) {
        let joined: Awaited<ReturnType<typeof join>>;
        try {
          joined = await join(lastEventIdOf(req, opts.maxLastEventIdLength), opts);
        } catch (error) {
          if (res.headersSent) res.end();
          else unavailable(createSession(req, res, { ...opts, maxDurationMs: undefined }), opts);
          throw error;
        }
        const { s, missed } = joined;
        const headers = missed?.reset
          ? { ...opts.headers, 'x-sse-oldest-id': missed.oldestId ?? '' }
          : opts.headers;
        const session = createSession(req, res, { ...opts, headers });
        start(s, session, missed);
        return session;
      },
      async handleRequest(request, opts = {}) {
        const { response, session } = createResponse(request, opts);
        let joined: Awaited<ReturnType<typeof join>>;
        try {
          joined = await join(session.lastEventId, opts);
        } catch {
          unavailable(session, opts);
          return response;
        }
        const { s, missed } = joined;
        if (missed?.reset) response.headers.set('x-sse-oldest-id', missed.oldestId ?? '');
        start(s, session, missed);
        return response;
      },
    };
  }

  return {
    channel,
    async close() {
      for (const { subs } of channels.values()) for (const s of [...subs]) s.session?.close();
      channels.clear();
      await Promise.allSettled([sub.quit(), cmd.quit()]);
    },
  };
}

/** Run storage over the broker, for resumable runs served by several instances. */
export { redisRunStore } from './redis-run-store';
