import { formatEvent, type SSEMessage } from './format';
import { createHistory, type History, type Replay } from './history';
import { createSession, lastEventIdOf, type NodeRequest, type NodeResponse } from './node';
import { encode, type Session, SessionImpl, type SessionOptions } from './session';
import { startUpstream, type Upstream } from './upstream';
import { createResponse } from './web';

/** Options of a channel. */
export interface ChannelOptions {
  /** Messages kept for replay after a reconnect (ring buffer). Default 1000. */
  historySize?: number;
  /**
   * Prefix of the IDs this channel assigns (`<epoch>-<n>`). Default: new and random for every
   * channel, so a client resuming with an ID of an earlier process gets a `reset`.
   */
  epoch?: string;
  /** A lazy source: started with the first subscriber, stopped when the last one leaves. */
  upstream?: Upstream;
  /** Called with errors of the upstream (a failed poll, a throwing iterator). */
  onError?: (error: unknown) => void;
}

/** How a session subscribes. */
export interface SubscribeOptions {
  /** The user this session belongs to, for {@link Channel.sendToUser} (one user, many tabs). */
  user?: string;
  /** Only messages for which this returns true reach the session (replay included). */
  filter?: (msg: SSEMessage) => boolean;
  /** Replay what was missed after `session.lastEventId`. Default true. */
  replay?: boolean;
}

/** Who a message goes to. */
export interface Subscriber {
  readonly user?: string;
  readonly session: Session;
}

/** A fan-out of messages to sessions, with a replay history. */
export interface Channel {
  /** Adds a session (removed again when it closes); replays what it missed. Returns an unsubscribe. */
  subscribe(session: Session, opts?: SubscribeOptions): () => void;
  /**
   * Sends a message to every subscriber. Without `filter` it is stored in the history and gets the
   * next ID if it has none; with `filter` it goes live only to the matching subscribers and is not
   * stored. Returns the message as sent.
   */
  publish(msg: SSEMessage, opts?: { filter?: (sub: Subscriber) => boolean }): SSEMessage;
  /** Sends to every session of one user (live only, not stored); returns how many got it. */
  sendToUser(user: string, msg: SSEMessage): number;
  /**
   * Starts an SSE response for a Node request and subscribes it in one go. When the client's
   * `Last-Event-ID` is unknown or too old, the response carries `x-sse-oldest-id` and the stream
   * starts with a `reset` event.
   */
  handle(req: NodeRequest, res: NodeResponse, options?: SessionOptions & SubscribeOptions): Session;
  /** {@link Channel.handle} for fetch-style handlers: returns the `Response` to answer with. */
  handleRequest(request: Request, options?: SessionOptions & SubscribeOptions): Response;
  /** Number of subscribed sessions. */
  readonly size: number;
  /** The last message stored by `publish`. */
  readonly lastMessage: SSEMessage | undefined;
  readonly history: History;
  /** Ends every subscribed session and stops the upstream. */
  close(): void;
}

/** The event sent before a replay when the client's last event ID is unknown or too old. */
export const RESET_EVENT = 'reset';
/** The response header carrying the oldest retained ID when a replay is incomplete. */
export const OLDEST_ID_HEADER = 'x-sse-oldest-id';

interface Sub extends Subscriber {
  filter: ((msg: SSEMessage) => boolean) | undefined;
}

function write(session: Session, bytes: Uint8Array, text: string): void {
  if (session instanceof SessionImpl) session.write(bytes);
  else session.writeRaw(text);
}

/** Creates a channel. */
export function createChannel(options: ChannelOptions = {}): Channel {
  const history = createHistory({ size: options.historySize ?? 1000, epoch: options.epoch });
  const subs = new Set<Sub>();
  const byUser = new Map<string, Set<Sub>>();
  let lastMessage: SSEMessage | undefined;
  let stopUpstream: (() => void) | undefined;
  const onError = options.onError ?? (() => {});

  function remove(sub: Sub): void {
    if (!subs.delete(sub)) return;
    if (sub.user !== undefined) {
      const set = byUser.get(sub.user);
      set?.delete(sub);
      if (set?.size === 0) byUser.delete(sub.user);
    }
    if (subs.size === 0 && stopUpstream) {
      stopUpstream();
      stopUpstream = undefined;
    }
  }

  function replay(sub: Sub, missed: Replay): void {
    if (missed.reset) {
      const data = { oldestId: missed.oldestId ?? null, latestId: missed.latestId ?? null };
      sub.session.send({ event: RESET_EVENT, data });
    }
    for (const msg of missed.events) if (!sub.filter || sub.filter(msg)) sub.session.send(msg);
  }

  const channel: Channel = {
    subscribe(session, opts = {}) {
      if (session.closed) return () => {};
      const sub: Sub = { session, user: opts.user, filter: opts.filter };
      subs.add(sub);
      if (sub.user !== undefined) {
        const set = byUser.get(sub.user) ?? new Set<Sub>();
        byUser.set(sub.user, set);
        set.add(sub);
      }
      const unlisten = session.onClose(() => remove(sub));
      if (opts.replay !== false && session.lastEventId !== undefined) {
        replay(sub, history.since(session.lastEventId));
      } else if (options.upstream && lastMessage && (!sub.filter || sub.filter(lastMessage))) {
        session.send(lastMessage);
      }
      if (options.upstream && !stopUpstream && !session.closed) {
        stopUpstream = startUpstream(options.upstream, (msg) => channel.publish(msg), onError);
      }
      return () => {
        unlisten();
        remove(sub);
      };
    },

    publish(msg, opts = {}) {
      const live = opts.filter !== undefined;
      const sent = live || msg.id !== undefined ? msg : { ...msg, id: history.nextId() };
      const text = formatEvent(sent); // throws before anything is stored or sent
      if (!live) {
        history.push(sent);
        lastMessage = sent;
      }
      const bytes = encode(text);
      for (const sub of subs) {
        if (opts.filter && !opts.filter(sub)) continue;
        if (sub.filter && !sub.filter(sent)) continue;
        write(sub.session, bytes, text);
      }
      return sent;
    },

    sendToUser(user, msg) {
      const set = byUser.get(user);
      if (!set) return 0;
      const text = formatEvent(msg);
      const bytes = encode(text);
      let count = 0;
      for (const sub of [...set]) {
        if (sub.session.closed) continue;
        write(sub.session, bytes, text);
        count++;
      }
      return count;
    },

    handle(req, res, opts = {}) {
      const headers = withOldestId(lastEventIdOf(req, opts.maxLastEventIdLength), opts);
      const session = createSession(req, res, { ...opts, headers });
      channel.subscribe(session, opts);
      return session;
    },

    handleRequest(request, opts = {}) {
      const { response, session } = createResponse(request, opts);
      const oldest = withOldestId(session.lastEventId, opts)?.[OLDEST_ID_HEADER];
      if (oldest !== undefined) response.headers.set(OLDEST_ID_HEADER, oldest);
      channel.subscribe(session, opts);
      return response;
    },

    get size() {
      return subs.size;
    },
    get lastMessage() {
      return lastMessage;
    },
    history,

    close() {
      for (const sub of [...subs]) sub.session.close();
      subs.clear();
      byUser.clear();
      stopUpstream?.();
      stopUpstream = undefined;
    },
  };

  /** The session headers, plus `x-sse-oldest-id` when the replay for `lastEventId` is incomplete. */
  function withOldestId(lastEventId: string | undefined, opts: SessionOptions & SubscribeOptions) {
    if (lastEventId === undefined || opts.replay === false) return opts.headers;
    const missed = history.since(lastEventId);
    if (!missed.reset) return opts.headers;
    return { ...opts.headers, [OLDEST_ID_HEADER]: missed.oldestId ?? '' };
  }

  return channel;
}
