/** Base class of every error ssekit reports; `code` tells the kinds apart without `instanceof`. */
export class SSEError extends Error {
  override name = 'SSEError';
  declare readonly code: string;
  /** Whether the client gives up (true) or retries (false) after this error. */
  declare readonly fatal: boolean;
  constructor(code: string, message: string, options?: { cause?: unknown; fatal?: boolean }) {
    super(message, options?.cause === undefined ? undefined : options);
    this.code = code;
    this.fatal = options?.fatal ?? true;
  }
}
// Names are set by hand (not `new.target.name`): a minifying bundler renames classes.

/** The server answered with an HTTP status that is not a stream (4xx, 5xx, ...). */
export class HttpError extends SSEError {
  override name = 'HttpError';
  /** The start of the response body (bounded), for the error message a user sees. */
  declare readonly body: string;
  /** The server's `Retry-After`, in ms, when it sent one (with 429 or 503). */
  declare readonly retryAfterMs: number | undefined;
  constructor(
    readonly status: number,
    body: string,
    options?: { fatal?: boolean; retryAfterMs?: number | undefined },
  ) {
    super('http', `HTTP ${status}${body && `: ${body.slice(0, 200)}`}`, options);
    this.body = body;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** A 2xx response whose content type is not `text/event-stream`. */
export class ContentTypeError extends SSEError {
  override name = 'ContentTypeError';
  constructor(readonly contentType: string) {
    super('content-type', `Expected text/event-stream, got "${contentType}"`);
  }
}

/** An event grew past `maxEventBytes`; it was discarded and parsing went on at the next event. */
export class EventTooLargeError extends SSEError {
  override name = 'EventTooLargeError';
  constructor(readonly limit: number) {
    super('event-too-large', `Event over maxEventBytes (${limit}) discarded`, { fatal: false });
  }
}

/** Reconnecting failed `attempts` times in a row; `cause` is the last failure. */
export class RetryLimitError extends SSEError {
  override name = 'RetryLimitError';
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super('retry-limit', `Gave up after ${attempts} failed attempts`, { cause });
  }
}

/** `value` as an Error (a thrown non-Error wrapped). */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
