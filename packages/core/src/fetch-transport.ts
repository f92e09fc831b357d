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
export const fetchTransport: Transport = {
  name: 'fetch',
  async open({ url, method, headers, body, credentials, fetch, lastEventId }, sink, signal) {
    const request = new Headers(headers);
    request.set('accept', 'text/event-stream');
    if (lastEventId) request.set('last-event-id', lastEventId);
    const response = await (fetch ?? globalThis.fetch)(url, {
      method,
      headers: request,
      body,
      credentials,
      signal,
      cache: 'no-store',
    });
    const { status } = response;
    const reader = response.body?.getReader();
    if (status === 204) {
      await reader?.cancel();
      return 'stop';
    }
    if (!response.ok) {
      throw new HttpError(status, await readText(reader), {
        fatal: status < 500 && status !== 408 && status !== 429,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\s*(;|$)/i.test(type.trim())) {
      await reader?.cancel();
      throw new ContentTypeError(type);
    }
    sink.open();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return 'end';
        sink.chunk(chunk.value);
      }
    } finally {
      reader?.releaseLock();
    }
  },
};

/** `Retry-After` as delay-seconds or an HTTP-date, in ms (capped); undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const ms = value ? (/^\s*\d+\s*$/.test(value) ? +value * 1000 : Date.parse(value) - now) : NaN;
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** At most `MAX_ERROR_BODY` characters of an error body; the rest is cancelled. */
async function readText(reader: ReadableStreamDefaultReader<Uint8Array> | undefined) {
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (reader && text.length < MAX_ERROR_BODY) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The status is what matters; a body cut short is still reported as far as it was read.
  }
  reader?.cancel().catch(() => {});
  return text.slice(0, MAX_ERROR_BODY);
}
