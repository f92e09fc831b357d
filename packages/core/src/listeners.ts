/**
 * A set of listeners. A listener that throws does not stop the others: its error is rethrown
 * in a microtask, so it still reaches the platform's error reporting.
 */
export class Listeners<T> {
  readonly #set = new Set<(value: T) => void>();

  get size(): number {
    return this.#set.size;
  }

  /** Adds a listener; returns a function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.#set.add(listener);
    return () => {
      this.#set.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.#set]) {
      try {
        listener(value);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  clear(): void {
    this.#set.clear();
  }
}
