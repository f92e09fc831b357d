import { Listeners } from './listeners';
import type { SSEEvent, SSEEventListener, StreamReset, StreamStatus } from './types';

/**
 * Every listener of one event stream, in one place (every stream uses it: the reconnecting
 * stream, a hub's view, a cross-tab stream): per-name event listeners and `'*'`, status, error
 * and reset listeners. Each call is isolated: a listener that throws never stops the others or
 * the stream (its error is rethrown in a microtask, so it still reaches error reporting).
 */
export class StreamListeners {
  readonly #named = new Map<string, Listeners<SSEEvent>>();
  /** Called with each event name that gets its first listener. */
  readonly added = new Listeners<string>();
  readonly status = new Listeners<StreamStatus>();
  readonly error = new Listeners<Error>();
  readonly reset = new Listeners<StreamReset>();

  /** Adds an event listener for one name or `'*'`; returns a function that removes it. */
  on(eventName: string, listener: SSEEventListener): () => void {
    let named = this.#named.get(eventName);
    if (!named) {
      named = new Listeners();
      this.#named.set(eventName, named);
      this.added.emit(eventName);
    }
    const remove = named.add(listener);
    const set = named;
    return () => {
      remove();
      if (set.size === 0 && this.#named.get(eventName) === set) this.#named.delete(eventName);
    };
  }

  /** Calls the listeners of the event's name, then those of `'*'`. */
  emit(event: SSEEvent): void {
    this.#named.get(event.event)?.emit(event);
    this.#named.get('*')?.emit(event);
  }

  /** Event names (and `'*'`) with listeners right now. */
  names(): Iterable<string> {
    return this.#named.keys();
  }

  clear(): void {
    this.#named.clear();
    for (const set of [this.added, this.status, this.error, this.reset]) set.clear();
  }
}
