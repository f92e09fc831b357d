import type { InspectedStream, SSEEvent } from '@ssekit/core';

/** Header values never copied into a reproduction. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key)$/i;

/** Quotes a string for a POSIX shell (single quotes). */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The request's URL made absolute against the page, when there is one. */
function absolute(url: string): string {
  try {
    return new URL(url, typeof location === 'undefined' ? undefined : location.href).href;
  } catch {
    return url;
  }
}

/**
 * A `curl` command that makes the stream's request again, resuming just before the event
 * (`Last-Event-ID` set to the id the stream had before it), so the server sends that event
 * again. Secret header values (Authorization, Cookie, ...) are replaced by `<redacted>`; a
 * headers function cannot be reproduced and is left out.
 */
export function curlCommand(stream: InspectedStream, previousId: string): string {
  const parts = ['curl', '-N'];
  if (stream.method !== 'GET') parts.push('-X', stream.method);
  parts.push('-H', shellQuote('Accept: text/event-stream'));
  for (const [name, value] of Object.entries(stream.headers ?? {})) {
    const shown = SECRET_HEADERS.test(name) ? '<redacted>' : value;
    parts.push('-H', shellQuote(`${name}: ${shown}`));
  }
  if (previousId) parts.push('-H', shellQuote(`Last-Event-ID: ${previousId}`));
  if (stream.body !== null) parts.push('--data-raw', shellQuote(stream.body));
  parts.push(shellQuote(absolute(stream.url)));
  return parts.join(' ');
}

/** The event as it travels on the wire (`event:`, `id:`, one `data:` line per line). */
export function wireFormat(event: SSEEvent): string {
  let text = event.event === 'message' ? '' : `event: ${event.event}\n`;
  if (event.id) text += `id: ${event.id}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

/**
 * A `printf` command that writes the event's bytes exactly (for a mock, a fixture or
 * `nc -l`): `printf '%s' '...'` keeps `%` and backslashes literal.
 */
export function printfCommand(event: SSEEvent): string {
  return `printf '%s' ${shellQuote(wireFormat(event))}`;
}
