import { createParser } from '@ssekit/core';
import { RESET_EVENT } from './channel';
import { formatEvent, type SSEMessage } from './format';
import type { RedisBroker } from './redis';
import { isFinal, type RunMessage, type RunStore, seqOf } from './run-store';
import type { Session } from './session';

const CANCEL_EVENT = 'ssekit-run-cancel';

/** A session that reads what a shared channel delivers instead of sending it to a client. */
class ChannelReader implements Session {
  readonly id = globalThis.crypto.randomUUID();
  readonly bufferedBytes = 0;
  #closed = false;
  readonly #controller = new AbortController();
  readonly #closers = new Set<() => void>();
  readonly #parser = createParser({
    onEvent: (e) =>
      this.onMessage({
        event: e.event === 'message' ? undefined : e.event,
        data: e.data,
        id: e.id,
      }),
  });

  constructor(
    readonly lastEventId: string | undefined,
    readonly onMessage: (msg: RunMessage) => void,
  ) {}

  get closed() {
    return this.#closed;
  }
  get signal() {
    return this.#controller.signal;
  }
  send(msg: SSEMessage): boolean {
    this.writeRaw(formatEvent(msg));
    return !this.#closed;
  }
  comment(): void {}
  writeRaw(text: string): void {
    if (!this.#closed) this.#parser.feed(text);
  }
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#controller.abort();
    for (const fn of [...this.#closers]) fn();
    this.#closers.clear();
  }
  onClose(fn: () => void): () => void {
    if (this.#closed) {
      fn();
      return () => {};
    }
    this.#closers.add(fn);
    return () => this.#closers.delete(fn);
  }
}

/**
 * Runs shared by every server instance through the Redis broker: the events of all runs go
 * through one shared channel (`channel`, default `ssekit-runs`) whose capped history
 * (`historySize` events over all runs, default 10,000) is what a join replays, so any instance
 * serves any run; a cancel asked on one instance reaches the instance generating the run.
 * Size the history for the runs that must stay joinable (a run whose first event left the
 * history is no longer joinable).
 */
export function redisRunStore(
  broker: RedisBroker,
  options: { channel?: string; historySize?: number } = {},
): RunStore {
  const channel = broker.channel(options.channel ?? 'ssekit-runs', {
    historySize: options.historySize ?? 10_000,
  });
  const readers = new Set<ChannelReader>();
  const open = (lastEventId: string | undefined, onMessage: (msg: RunMessage) => void) => {
    const reader = new ChannelReader(lastEventId, onMessage);
    readers.add(reader);
    reader.onClose(() => readers.delete(reader));
    return reader;
  };

  return {
    async append(_runId, msg) {
      await channel.publish(msg);
    },
    async follow(runId, afterSeq, onEvent) {
      let unknown = false;
      let finished = false;
      const reader = open(`${runId}:0`, (msg) => {
        if (msg.event === RESET_EVENT && seqOf(runId, msg.id) < 0) {
          unknown = true; // `<runId>:0` is not in the history: an unknown (or expired) run
          return;
        }
        const seq = seqOf(runId, msg.id);
        if (seq < 0 || unknown) return;
        if (seq > afterSeq) onEvent(msg);
        else if (isFinal(msg)) finished = true;
      });
      const prefix = `${runId}:`;
      await channel.subscribe(reader, {
        filter: (m) => m.event !== CANCEL_EVENT && String(m.id ?? '').startsWith(prefix),
      });
      if (unknown) {
        reader.close();
        return undefined;
      }
      return { stop: () => reader.close(), finished };
    },
    async cancel(runId) {
      const id = `${runId}:cancel:${globalThis.crypto.randomUUID()}`;
      await channel.publish({ event: CANCEL_EVENT, data: runId, id });
    },
    async onCancel(runId, fn) {
      const reader = open(undefined, () => fn());
      await channel.subscribe(reader, {
        filter: (m) => m.event === CANCEL_EVENT && m.data === runId,
      });
      return () => reader.close();
    },
    async close() {
      for (const reader of [...readers]) reader.close();
    },
  };
}
