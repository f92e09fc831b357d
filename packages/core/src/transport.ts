import type { ConnectOptions, HeadersRecord, SSEEvent } from './types';

/** One connection attempt, with headers already resolved. */
export interface TransportRequest {
  url: string;
  method: string;
  headers: HeadersRecord;
  body: BodyInit | null | undefined;
  credentials: RequestCredentials | undefined;
  fetch: typeof fetch | undefined;
  /** Sent as `Last-Event-ID` when not empty. */
  lastEventId: string;
}

/** How a transport reports back to the stream that drives it. */
export interface TransportSink {
  /** The response was accepted as an event stream. */
  open(): void;
  /** Raw bytes arrived (transports that leave parsing to the stream). */
  chunk(bytes: Uint8Array): void;
  /** A parsed event arrived (transports that parse for themselves). */
  event(event: SSEEvent): void;
  /** The connection was lost and the transport is reconnecting by itself. */
  lost(error: Error): void;
  /** Event names with listeners right now, and a way to hear of new ones. */
  names(): Iterable<string>;
  watchNames(fn: (name: string) => void): () => void;
}

/**
 * How a stream connects (the `transport` option): `fetch` by default, or the exported
 * `eventSourceTransport`. Plain data and functions, so equal options stay equal across renders.
 */
export interface Transport {
  /** Names the transport in sharing keys and in the `${name}-unsupported` error code. */
  readonly name: string;
  /** Why this transport can never make the request, or null when it can (checked by `connect`). */
  unsupported?(options: ConnectOptions): string | null;
  /**
   * Runs one connection until it ends. Resolves `'end'` when the server closed the stream
   * (reconnect), `'stop'` for HTTP 204 (close for good); rejects with the failure otherwise
   * (an `SSEError` with `fatal: true` is never retried).
   */
  open(
    request: TransportRequest,
    sink: TransportSink,
    signal: AbortSignal,
  ): Promise<'end' | 'stop'>;
}
