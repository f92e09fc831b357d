/** Base class of every error ssekit reports; `code` tells the kinds apart without `instanceof`. */
export class SSEError extends Error {
  declare readonly code: string;
  /** Whether the client gives up (true) or retries (false) after this error. */
  declare readonly fatal: boolean;
  constructor(code: string, message: string, options?: { cause?: unknown; fatal?: boolean }) {
    super(message, options?.cause === undefined ? undefined : options);
    this.name = new.target.name;
    this.code = code;
    this.fatal = options?.fatal ?? true;
  }
}

/** The server answered with an HTTP status that is not a stream (4xx, 5xx, ...). */
export class HttpError extends SSEError {
  declare readonly status: number;
  /** The start of the response body (bounded), for the error message a user sees. */
  declare readonly body: string;
  /** The server's `Retry-After`, in ms, when it sent one (with 429 or 503). */
  declare readonly retryAfterMs: number | undefined;
  constructor(
    status: number,
    body: string,
    options?: { fatal?: boolean; retryAfterMs?: number | undefined },
  ) {
    super('http', `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`, options);
    this.status = status;
    this.body = body;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** A 2xx response whose content type is not `text/event-stream`. */
export class ContentTypeError extends SSEError {
  declare readonly contentType: string;
  constructor(contentType: string) {
    super(
      'content-type',
      `Expected content-type text/event-stream, got ${contentType ? `"${contentType}"` : 'none'}`,
    );
    this.contentType = contentType;
  }
}

/** An event grew past `maxEventBytes`; it was discarded and parsing went on at the next event. */
export class EventTooLargeError extends SSEError {
  declare readonly limit: number;
  constructor(limit: number) {
    super('event-too-large', `Event exceeded maxEventBytes (${limit} bytes) and was discarded`, {
      fatal: false,
    });
    this.limit = limit;
  }
}

/** Reconnecting failed `attempts` times in a row; `cause` is the last failure. */
export class RetryLimitError extends SSEError {
  declare readonly attempts: number;
  constructor(attempts: number, cause: unknown) {
    super('retry-limit', `Gave up after ${attempts} failed attempts`, { cause });
    this.attempts = attempts;
  }
}

/** `value` as an Error (a thrown non-Error wrapped). */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** A connection the stream dropped itself: no data within `idleTimeoutMs`, or a simulated drop. */
export function droppedError(idle: boolean): SSEError {
  return idle
    ? new SSEError('idle-timeout', 'No data within idleTimeoutMs', { fatal: false })
    : new SSEError('dropped', 'Connection dropped (simulated)', { fatal: false });
}

/**
 * A non-GET stream dropped mid-stream with no event ID to resume from: it ends, as sending it
 * again would repeat it (a prompt, a payment) to a server that cannot resume.
 */
export function notResumableError(cause: Error): SSEError {
  return new SSEError(
    'not-resumable',
    'The stream dropped with no event ID to resume from; the request is not sent again',
    { cause },
  );
}
