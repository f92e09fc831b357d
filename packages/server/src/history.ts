import { epochId, newEpoch, seqOf } from './epoch';
import type { SSEMessage } from './format';

/** What a client missed since its last event ID. */
export type Replay =
  | { reset?: undefined; events: SSEMessage[] }
  | {
      /** The ID is unknown or older than the history: `events` is all that is retained. */
      reset: true;
      oldestId: string | undefined;
      latestId: string | undefined;
      events: SSEMessage[];
    };

/** A bounded ring buffer of published messages, for replay after a reconnect. */
export interface History {
  /** Stores a message (assigning the next ID when it has none) and returns its ID. */
  push(msg: SSEMessage): string;
  /** The ID the next message without one would get. */
  nextId(): string;
  /** This history's epoch: the prefix of every ID it assigns (`<epoch>-<n>`). */
  readonly epoch: string;
  /** The messages after `lastEventId`, or a reset with everything retained if it is not known. */
  since(lastEventId: string): Replay;
  readonly oldestId: string | undefined;
  readonly latestId: string | undefined;
  readonly size: number;
}

interface Entry {
  pos: number;
  msg: SSEMessage & { id: string };
}

/** Options of {@link createHistory}. */
export interface HistoryOptions {
  /** Messages kept (a ring buffer). */
  size: number;
  /**
   * Prefix of every assigned ID (`<epoch>-<n>`). Default: a new random one, so IDs of an earlier
   * process are never taken for this one's. Pass a stored value only for a history that survives
   * restarts; `''` gives plain numbers, which a client cannot tell apart across restarts.
   */
  epoch?: string;
}

/** Creates a replay history keeping the last `size` messages. */
export function createHistory({ size, epoch = newEpoch() }: HistoryOptions): History {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('history size must be >= 0');
  if (/[-\r\n\0]/.test(epoch)) throw new RangeError('epoch must not contain -, CR, LF or NUL');
  const ring: (Entry | undefined)[] = new Array(size);
  const positions = new Map<string, number>();
  let written = 0; // messages ever pushed; entry n lives at ring[n % size]
  let seq = 0; // last numeric ID handed out

  const at = (pos: number) => ring[pos % size];
  const oldestPos = () => Math.max(0, written - size);
  const oldestId = () => (written === 0 ? undefined : at(oldestPos())?.msg.id);
  const latestId = () => (written === 0 ? undefined : at(written - 1)?.msg.id);

  return {
    push(msg) {
      const id = msg.id === undefined ? epochId(epoch, ++seq) : String(msg.id);
      const numeric = seqOf(epoch, id);
      if (numeric !== undefined && numeric > seq) seq = numeric;
      if (size === 0) return id;
      const old = at(written);
      if (old && positions.get(old.msg.id) === old.pos) positions.delete(old.msg.id);
      ring[written % size] = { pos: written, msg: { ...msg, id } };
      positions.set(id, written);
      written++;
      return id;
    },
    nextId: () => epochId(epoch, seq + 1),
    epoch,
    since(lastEventId) {
      const pos = positions.get(lastEventId);
      const events: SSEMessage[] = [];
      for (let p = pos === undefined ? oldestPos() : pos + 1; p < written; p++) {
        events.push(at(p)!.msg);
      }
      if (pos !== undefined) return { events };
      return { reset: true, oldestId: oldestId(), latestId: latestId(), events };
    },
    get oldestId() {
      return oldestId();
    },
    get latestId() {
      return latestId();
    },
    get size() {
      return written - oldestPos();
    },
  };
}
