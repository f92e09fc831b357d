import { ContentTypeError, HttpError } from './errors';
import type { Transport } from './transport';

/** Longest error body kept on an `HttpError`, in characters. */
const MAX_ERROR_BODY = 1024;
/** Longest `Retry-After` honoured: a server asking for more is retried after this. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * The default transport: `fetch` with a streamed body; any method, headers and body. It adds
 * only `accept` (CORS-safelisted) and, when resuming, `last-event-id`; caches are bypassed with
 * `cache: 'no-store'` rather than a header, so a plain cross-origin GET needs no preflight.
 */
export const fetchTransport: Transport = { name: 'fetch', open: openFetch };

async function openFetch(
  ...[request, sink, signal]: Parameters<Transport['open']>
): ReturnType<Transport['open']> {
  const doFetch = request.fetch ?? globalThis.fetch;
  const headers = new Headers(request.headers);
  headers.set('accept', 'text/event-stream');
  if (request.lastEventId) headers.set('last-event-id', request.lastEventId);
  const init: RequestInit = { method: request.method, headers, signal, cache: 'no-store' };
  if (request.body != null) init.body = request.body;
  if (request.credentials) init.credentials = request.credentials;
  const response = await doFetch(request.url, init);

  if (response.status === 204) {
    await response.body?.cancel();
    return 'stop';
  }
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const body = await readBoundedText(response, MAX_ERROR_BODY);
    throw new HttpError(response.status, body, { fatal: !retryable, retryAfterMs });
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^text\/event-stream\s*(;|$)/i.test(contentType.trim())) {
    await response.body?.cancel();
    throw new ContentTypeError(contentType);
  }
  sink.open();
  if (!response.body) return 'end';
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'end';
      sink.chunk(value);
    }
  } finally {
    reader.releaseLock();
  }
}

/** `Retry-After` as delay-seconds or an HTTP-date, in ms (capped); undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** Reads at most `max` characters of a body, then cancels the rest. */
async function readBoundedText(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < max) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // The error status is what matters; a body cut short is still reported as far as read.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.slice(0, max);
}
