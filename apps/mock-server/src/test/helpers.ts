import { type ConnectOptions, connect, type EventStream, type SSEEvent } from '@ssekit/core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningMockServer, type StartOptions, startMockServer } from '../standalone';

/** Starts a mock server on a free port for the file's tests; closes it afterwards. */
export function useMockServer(options: StartOptions = {}): () => RunningMockServer {
  let server: RunningMockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => server!;
}

export interface Collected {
  events: SSEEvent[];
  /** The error the stream closed with (null when it ended cleanly or was closed by us). */
  error: Error | null;
  /** How many times the stream opened (1 + reconnects). */
  opens: number;
  stream: EventStream;
}

/** Fast reconnects for tests. */
export const FAST_RETRY = { initialMs: 5, maxMs: 20, jitter: 0 };

/**
 * Connects with the @ssekit/core client and resolves once `count` events arrived (then closes) or
 * once the stream closed by itself (fatal error or HTTP 204).
 */
export function collect(
  url: string,
  count: number,
  options: ConnectOptions = {},
): Promise<Collected> {
  const stream = connect(url, { retry: FAST_RETRY, ...options });
  return new Promise((resolve) => {
    const events: SSEEvent[] = [];
    let opens = 0;
    const finish = () => {
      offEvent();
      offStatus();
      const error = stream.status === 'closed' ? stream.error : null;
      stream.close();
      resolve({ events, error, opens, stream });
    };
    const offEvent = stream.on('*', (event) => {
      events.push(event);
      if (events.length === count) finish();
    });
    const offStatus = stream.onStatus((status) => {
      if (status === 'open') opens++;
      if (status === 'closed') finish();
    });
  });
}

/** Event data parsed as JSON, without the `time` field (the only non-deterministic part). */
export function timeless(events: SSEEvent[]): Array<{ event: string; id: string; data: unknown }> {
  return events.map(({ event, id, data }) => {
    const { time: _time, ...rest } = JSON.parse(data) as Record<string, unknown>;
    return { event, id, data: rest };
  });
}

/** Reads a raw response body until `until(text)` holds or the body ends; then cancels it. */
export async function readRaw(
  url: string,
  until: (text: string) => boolean,
  init?: RequestInit,
): Promise<{ response: Response; text: string; chunks: string[] }> {
  const response = await fetch(url, init);
  const chunks: string[] = [];
  let text = '';
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  try {
    while (!until(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      chunks.push(chunk);
      text += chunk;
    }
  } catch {
    // A dropped connection ends the body with an error; what arrived is in `text`.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { response, text, chunks };
}

/** Resolves once `check()` is true, polling every few ms (rejects after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The sequence part of each event's id (`<epoch>-<n>` gives `n`). */
export const ids = (events: SSEEvent[]) => events.map((e) => e.id.slice(e.id.lastIndexOf('-') + 1));
/** The epoch part of an event id (`<epoch>-<n>` gives `epoch`). */
export const epochOf = (id: string) => id.slice(0, id.lastIndexOf('-'));
/** Matches the `id:` line of event `n` (of any epoch) in a raw stream. */
export const idLine = (n: number | string) => new RegExp(`^id: [\\w]+-${n}\\n`, 'm');
export const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
