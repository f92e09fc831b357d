/** One event to send. `data` that is not a string is sent as JSON. */
export interface SSEMessage {
  /** Event type; omitted means `message` on the client. */
  event?: string;
  /** A string is sent as is (split into `data:` lines); anything else is `JSON.stringify`'d. */
  data?: unknown;
  /** Becomes the client's last event ID, sent back as `Last-Event-ID` on reconnect. */
  id?: string | number;
  /** Reconnection delay in ms the client should use. */
  retry?: number;
  /** A comment (ignored by clients, useful for debugging and keep-alive). */
  comment?: string;
}

/** A message that cannot be serialised without changing its meaning. */
export class SSEFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SSEFormatError';
  }
}

const LINE_BREAK = /\r\n|\r|\n/;
const FORBIDDEN = /[\r\n\0]/;

function prefixed(field: string, text: string): string {
  let out = '';
  for (const line of text.split(LINE_BREAK))
    out += line === '' ? `${field}\n` : `${field} ${line}\n`;
  return out;
}

function dataText(data: unknown): string {
  if (typeof data === 'string') return data;
  const json = JSON.stringify(data);
  if (json === undefined) throw new SSEFormatError(`data of type ${typeof data} cannot be sent`);
  return json;
}

/**
 * Serialises a message to the event-stream format, ending with the blank line that dispatches it.
 * A message with only `retry` and/or `comment` has no blank line: it dispatches nothing, so
 * clients that hand every blank line to the app (fetch-event-source) see no empty message.
 * Multi-line data (CR, LF or CRLF) becomes several `data:` lines, so data can never break framing.
 * Throws {@link SSEFormatError} for CR, LF or NUL in `event` or `id`, or a `retry` that is not a
 * non-negative integer.
 */
export function formatEvent(msg: SSEMessage): string {
  let out = '';
  if (msg.comment !== undefined) out += prefixed(':', msg.comment);
  if (msg.event !== undefined) {
    if (FORBIDDEN.test(msg.event)) throw new SSEFormatError('event must not contain CR, LF or NUL');
    out += `event: ${msg.event}\n`;
  }
  if (msg.id !== undefined) {
    const id = String(msg.id);
    if (FORBIDDEN.test(id)) throw new SSEFormatError('id must not contain CR, LF or NUL');
    out += `id: ${id}\n`;
  }
  if (msg.retry !== undefined) {
    if (!Number.isSafeInteger(msg.retry) || msg.retry < 0) {
      throw new SSEFormatError(`retry must be a non-negative integer, got ${msg.retry}`);
    }
    out += `retry: ${msg.retry}\n`;
  }
  if (msg.data !== undefined) out += prefixed('data:', dataText(msg.data));
  const dispatches = msg.event !== undefined || msg.id !== undefined || msg.data !== undefined;
  return dispatches ? `${out}\n` : out;
}

/** Comment lines (`: text`), one per line of `text`; `:` alone when empty. */
export function formatComment(text = ''): string {
  return text === '' ? ':\n' : prefixed(':', text);
}
