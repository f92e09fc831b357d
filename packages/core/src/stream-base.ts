import { iterate } from './async-iterator';
import { StreamListeners } from './stream-listeners';
import type {
  ErrorListener,
  EventStream,
  ResetListener,
  SSEEvent,
  SSEEventListener,
  StatusListener,
  StreamReset,
  StreamStatus,
} from './types';

const off = () => {};

/**
 * What a stream shows its users: its state (`status`, `lastEventId`, `error`, `resets`), its
 * listeners (which a closed stream no longer takes) and `for await`. A subclass connects and
 * drives the state through the protected methods.
 */
export abstract class StreamBase implements EventStream {
  status: StreamStatus = 'connecting';
  lastEventId = '';
  error: Error | null = null;
  resets = 0;
  abstract readonly nextRetryAt: number | null;
  protected readonly listeners = new StreamListeners();

  constructor(readonly url: string) {}

  on(eventName: string, listener: SSEEventListener): () => void {
    return this.status === 'closed' ? off : this.listeners.on(eventName, listener);
  }

  onStatus(listener: StatusListener): () => void {
    return this.status === 'closed' ? off : this.listeners.status.add(listener);
  }

  onError(listener: ErrorListener): () => void {
    return this.status === 'closed' ? off : this.listeners.error.add(listener);
  }

  onReset(listener: ResetListener): () => void {
    return this.status === 'closed' ? off : this.listeners.reset.add(listener);
  }

  abstract reconnect(): void;
  abstract close(): void;

  [Symbol.asyncIterator](): AsyncIterator<SSEEvent> {
    return iterate(this);
  }

  /** Sets the status and tells the status listeners, if it changed. */
  protected setStatus(status: StreamStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.listeners.status.emit(status);
  }

  /** Sets `error` and tells the error listeners. */
  protected report(error: Error): void {
    this.error = error;
    this.listeners.error.emit(error);
  }

  /** Counts a reset and tells the reset listeners. */
  protected emitReset(reset: StreamReset): void {
    this.resets++;
    this.listeners.reset.emit(reset);
  }
}
