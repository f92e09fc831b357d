import type { ConnectOptions } from '@ssekit/core';

/** The body of a request: strings, forms and binary data as they are, anything else as JSON. */
export function requestBody(body: unknown): { body: BodyInit | null; json: boolean } {
  if (body === undefined || body === null) return { body: null, json: false };
  if (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams)
  ) {
    return { body: body as BodyInit, json: false };
  }
  return { body: JSON.stringify(body), json: true };
}

/** Headers with `content-type: application/json` under the caller's own. */
export function withJsonType(headers: ConnectOptions['headers']): ConnectOptions['headers'] {
  const json = { 'content-type': 'application/json' };
  if (typeof headers === 'function') return async () => ({ ...json, ...(await headers()) });
  return { ...json, ...headers };
}
