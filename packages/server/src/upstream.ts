import type { SSEMessage } from './format';

/**
 * A source that feeds a channel while anyone listens: a poll function called every `intervalMs`
 * (and once at start), or a factory of async iterables (given a signal aborted at stop).
 * Values that look like an {@link SSEMessage} (only its keys, with `data` or `event`) are
 * published as they are; any other value is published as `{ data: value }`.
 */
export type Upstream =
  | { poll: () => unknown; intervalMs: number }
  | ((signal: AbortSignal) => AsyncIterable<unknown>);

const MESSAGE_KEYS = new Set(['event', 'data', 'id', 'retry', 'comment']);

/** The message to publish for a value from an upstream. */
export function toMessage(value: unknown): SSEMessage {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (
      keys.length > 0 &&
      keys.every((k) => MESSAGE_KEYS.has(k)) &&
      ('data' in value || 'event' in value)
    ) {
      return value as SSEMessage;
    }
  }
  return { data: value };
}

/** Starts an upstream; returns the function that stops it (clears the interval, ends the iterator). */
export function startUpstream(
  upstream: Upstream,
  publish: (msg: SSEMessage) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  const emit = (value: unknown) => {
    if (stopped) return;
    try {
      publish(toMessage(value));
    } catch (error) {
      onError(error);
    }
  };

  if (typeof upstream !== 'function') {
    let inFlight = false;
    const poll = async () => {
      if (inFlight) return; // a slow poll is not stacked
      inFlight = true;
      try {
        emit(await upstream.poll());
      } catch (error) {
        if (!stopped) onError(error);
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(poll, upstream.intervalMs);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  const controller = new AbortController();
  const iterator = upstream(controller.signal)[Symbol.asyncIterator]();
  void (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done || stopped) break;
        emit(next.value);
      }
    } catch (error) {
      if (!stopped) onError(error);
    }
  })();
  return () => {
    stopped = true;
    controller.abort();
    iterator.return?.()?.catch(onError);
  };
}
