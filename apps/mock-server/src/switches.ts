import type { IncomingHttpHeaders } from 'node:http';

/** Fault switches and tuning that every scenario reads from its query string. */
export interface Switches {
  /** Seed of the deterministic output (the server's seed when absent). */
  seed: string | undefined;
  /** Events per second; each scenario has its own default. */
  rate: number | undefined;
  /** Milliseconds to wait before each event. */
  delay: number;
  /** Destroy the socket after this many events of the connection. */
  dropAfter: number | undefined;
  /** Write half of this event (1-based, of the connection) then destroy the socket. */
  dropMidEvent: number | undefined;
  /** After this many events send nothing at all but keep the socket open. */
  stallAfter: number | undefined;
  /** Answer with this HTTP status and a short body instead of a stream. */
  status: number | undefined;
  /** Seconds for a `Retry-After` header on a `status` answer. */
  retryAfter: number | undefined;
  /** Answer 200 with this (wrong) content type. */
  contentType: string | undefined;
  /** Mix malformed lines between and inside the events. */
  malformed: boolean;
  /** Send `retry: <ms>` first. */
  retry: number | undefined;
  /** Heartbeat comment interval; 0 turns heartbeats off. */
  heartbeatMs: number;
  /** Where to resume: the `Last-Event-ID` header, else the `lastEventId` query parameter. */
  lastEventId: string | undefined;
}

/** A query parameter had a value the mock server cannot use; answered with HTTP 400. */
export class SwitchError extends Error {
  constructor(
    readonly param: string,
    readonly value: string,
    expected: string,
  ) {
    super(`Invalid ${param}=${JSON.stringify(value)}: expected ${expected}`);
    this.name = 'SwitchError';
  }
}

export const DEFAULT_HEARTBEAT_MS = 15_000;

/** Reads an integer query parameter within [min, max]; undefined when absent or empty. */
export function intParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  return boundedParam(query, name, min, max, 'an integer', (raw) => /^\d+$/.test(raw));
}

/** Reads a number query parameter within [min, max] (fractions allowed). */
export function numberParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  return boundedParam(query, name, min, max, 'a number', (raw) => Number.isFinite(Number(raw)));
}

/** A numeric parameter whose text passes `wellFormed` and whose value is within [min, max]. */
function boundedParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
  kind: string,
  wellFormed: (raw: string) => boolean,
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!wellFormed(raw) || value < min || value > max) {
    throw new SwitchError(name, raw, `${kind} from ${min} to ${max}`);
  }
  return value;
}

/** Reads a boolean query parameter: `1`/`true` or `0`/`false`. */
export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new SwitchError(name, raw, '1, 0, true or false');
}

/** Parses the fault switches of a request; throws {@link SwitchError} on a bad value. */
export function parseSwitches(query: URLSearchParams, headers: IncomingHttpHeaders): Switches {
  const contentType = query.get('contentType') ?? undefined;
  // Printable ASCII (and tab) only: a control character or NUL could not be sent as a header.
  if (
    contentType !== undefined &&
    (contentType.length > 100 || /[^\t\x20-\x7e]/.test(contentType))
  ) {
    throw new SwitchError(
      'contentType',
      contentType,
      'a content type of up to 100 printable ASCII characters',
    );
  }
  const header = headers['last-event-id'];
  const lastEventId = (Array.isArray(header) ? header[0] : header) ?? query.get('lastEventId');
  return {
    seed: query.get('seed') || undefined,
    rate: numberParam(query, 'rate', 0, 10_000),
    delay: intParam(query, 'delay', 0, 60_000) ?? 0,
    dropAfter: intParam(query, 'dropAfter', 1, 1_000_000),
    dropMidEvent: intParam(query, 'dropMidEvent', 1, 1_000_000),
    stallAfter: intParam(query, 'stallAfter', 0, 1_000_000),
    status: intParam(query, 'status', 200, 599),
    retryAfter: intParam(query, 'retryAfter', 0, 86_400),
    contentType: contentType || undefined,
    malformed: boolParam(query, 'malformed') ?? false,
    retry: intParam(query, 'retry', 0, 3_600_000),
    heartbeatMs: intParam(query, 'heartbeatMs', 0, 3_600_000) ?? DEFAULT_HEARTBEAT_MS,
    lastEventId: lastEventId || undefined,
  };
}
