import { Listeners } from './listeners';
import type {
  ErrorListener,
  ResetListener,
  SSEEvent,
  SSEEventListener,
  StatusListener,
  StreamReset,
  StreamStatus,
} from './types';

/**
 * Every listener of one event stream, in one place (every stream uses it: the reconnecting
 * stream, a hub's view, a cross-tab stream): per-name event listeners and `'*'`, status, error
 * and reset listeners. Each call is isolated: a listener that throws never stops the others or
 * the stream (its error is rethrown in a microtask, so it still reaches error reporting).
 */
export class StreamListeners {
  readonly #named = new Map<string, Listeners<SSEEvent>>();
  readonly #nameWatchers = new Listeners<string>();
  readonly #status = new Listeners<StreamStatus>();
  readonly #error = new Listeners<Error>();
  readonly #reset = new Listeners<StreamReset>();

  /** Adds an event listener for one name or `'*'`; returns a function that removes it. */
  on(eventName: string, listener: SSEEventListener): () => void {
    let named = this.#named.get(eventName);
    if (!named) {
      named = new Listeners();
      this.#named.set(eventName, named);
      this.#nameWatchers.emit(eventName);
    }
    const remove = named.add(listener);
    const set = named;
    return () => {
      remove();
      if (set.size === 0 && this.#named.get(eventName) === set) this.#named.delete(eventName);
    };
  }

  onStatus(listener: StatusListener): () => void {
    return this.#status.add(listener);
  }

  onError(listener: ErrorListener): () => void {
    return this.#error.add(listener);
  }

  onReset(listener: ResetListener): () => void {
    return this.#reset.add(listener);
  }

  /** Calls the listeners of the event's name, then those of `'*'`. */
  emit(event: SSEEvent): void {
    this.#named.get(event.event)?.emit(event);
    this.#named.get('*')?.emit(event);
  }

  emitStatus(status: StreamStatus): void {
    this.#status.emit(status);
  }

  emitError(error: Error): void {
    this.#error.emit(error);
  }

  emitReset(reset: StreamReset): void {
    this.#reset.emit(reset);
  }

  /** Event names (and `'*'`) with listeners right now. */
  names(): Iterable<string> {
    return this.#named.keys();
  }

  /** Calls `fn` with each name that gets its first listener from now on. */
  watchNames(fn: (name: string) => void): () => void {
    return this.#nameWatchers.add(fn);
  }

  clear(): void {
    this.#named.clear();
    this.#nameWatchers.clear();
    this.#status.clear();
    this.#error.clear();
    this.#reset.clear();
  }
}
