import { EventTooLargeError } from './errors';
import { LineBuffer } from './line-buffer';
import type { Parser, ParserHandlers, ParserOptions, SSEEvent } from './types';
import { Utf8Decoder, utf8Length } from './utf8';

export type { Parser, ParserHandlers, ParserOptions } from './types';

const DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;
const LF = 10;
const CR = 13;
const SPACE = 32;
const COLON = 58;

/**
 * Create a spec-exact `text/event-stream` parser (WHATWG HTML, "event stream interpretation"):
 * the same bytes give the same events as the browser's `EventSource`. It runs in linear time on
 * any input and buffers at most `maxEventBytes`.
 *
 * @example
 * const parser = createParser({ onEvent: (e) => console.log(e.event, e.data, e.id) });
 * for await (const chunk of response.body) parser.feed(chunk);
 */
export function createParser(handlers: ParserHandlers, options: ParserOptions = {}): Parser {
  return new SSEParser(handlers, options);
}

/** The parser behind {@link createParser}; `bufferedUnits` is exposed for tests only. */
export class SSEParser implements Parser {
  readonly #handlers: ParserHandlers;
  readonly #limit: number;
  readonly #decoder = new Utf8Decoder();
  #atStart = true;
  /** A line ended with CR at the end of the last chunk: skip an LF that starts the next one. */
  #skipLF = false;
  /** The unterminated line at the end of the input so far. */
  readonly #line = new LineBuffer();
  #data = '';
  #hasData = false;
  #eventType = '';
  #idBuffer: string;
  #lastId: string;
  /** Exact UTF-8 bytes of `#data` (-1: not counted, as the event is far from the limit). */
  #dataBytes = -1;
  /** Discarding a too-large event until the next blank line; `#lineStarted`: mid-line at chunk end. */
  #discarding = false;
  #lineStarted = false;
  /** Bumped by `reset()`, so a handler that resets stops the chunk being parsed. */
  #generation = 0;

  constructor(handlers: ParserHandlers, options: ParserOptions) {
    const limit = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    if (!(limit > 0)) throw new RangeError(`maxEventBytes must be positive, got ${limit}`);
    this.#handlers = handlers;
    this.#limit = limit;
    this.#idBuffer = this.#lastId = options.lastEventId ?? '';
  }

  get lastEventId(): string {
    return this.#lastId;
  }

  set lastEventId(id: string) {
    this.#lastId = this.#idBuffer = id;
  }

  /** UTF-16 code units held for the pending line and the event's data (test aid). */
  get bufferedUnits(): number {
    return this.#line.units + this.#data.length;
  }

  feed(chunk: Uint8Array | string): void {
    let text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk);
    if (text.length === 0) return;
    if (this.#atStart) {
      this.#atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.#parse(text);
  }

  reset(): void {
    this.#generation++;
    this.#decoder.reset();
    this.#atStart = true;
    this.#skipLF = false;
    this.#line.clear();
    this.#clearEvent();
    this.#idBuffer = this.#lastId;
    this.#discarding = false;
    this.#lineStarted = false;
  }

  #parse(text: string): void {
    const len = text.length;
    const limit = this.#limit;
    const generation = this.#generation;
    let pos = 0;
    if (this.#skipLF) {
      this.#skipLF = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    // Next LF, CR and colon at or after `pos` (`len` when none): each is searched for once per
    // occurrence, so the scan stays linear however the lines are laid out.
    let lf = -1;
    let cr = -1;
    let colon = -1;
    while (pos < len) {
      if (lf < pos) lf = indexOf(text, '\n', pos);
      if (cr < pos) cr = indexOf(text, '\r', pos);
      const end = Math.min(lf, cr);
      if (end === len) break;
      let next = end + 1;
      if (end === cr) {
        if (next === len) this.#skipLF = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      if (this.#discarding) {
        if (end === pos && !this.#lineStarted) this.#discarding = false;
        this.#lineStarted = false;
      } else if (this.#line.units > 0) {
        const units = this.#line.units + end - pos;
        if ((units + this.#data.length) * 3 <= limit || this.#fits(units, text, pos, end, true)) {
          const line = this.#line.take(text.slice(pos, end));
          this.#field(line, 0, line.length, line.indexOf(':'));
          if (next < len) next = this.#blankLine(text, next);
        }
      } else if (end === pos) {
        this.#dispatch();
      } else if (
        (end - pos + this.#data.length) * 3 > limit &&
        !this.#fits(end - pos, text, pos, end, false)
      ) {
        // Too large: reported, and the rest of the event is skipped.
      } else {
        // The usual field names are recognised without searching for the colon.
        const c = text.charCodeAt(pos);
        if (c === 100 && text.charCodeAt(pos + 4) === COLON && isData(text, pos)) {
          this.#appendData(text.slice(valueAt(text, pos + 5), end));
          // A line then a blank line (the most common event of all): dispatched right here.
          if (next < len) next = this.#blankLine(text, next);
        } else if (
          c === 105 &&
          text.charCodeAt(pos + 1) === 100 &&
          text.charCodeAt(pos + 2) === COLON
        ) {
          this.#setId(text.slice(valueAt(text, pos + 3), end));
        } else if (c === 101 && text.charCodeAt(pos + 5) === COLON && isEvent(text, pos)) {
          this.#eventType = text.slice(valueAt(text, pos + 6), end);
        } else {
          if (colon < pos) colon = indexOf(text, ':', pos);
          this.#field(text, pos, end, colon < end ? colon : -1);
        }
      }
      if (this.#generation !== generation) return;
      pos = next;
    }
    if (pos < len) {
      if (this.#discarding) this.#lineStarted = true;
      else this.#appendPending(pos === 0 ? text : text.slice(pos));
    }
  }

  /** If a blank line starts at `pos` (< length), dispatch and return where the next line starts. */
  #blankLine(text: string, pos: number): number {
    const c = text.charCodeAt(pos);
    if (c === LF) {
      this.#dispatch();
      return pos + 1;
    }
    if (c !== CR) return pos;
    this.#dispatch();
    if (pos + 1 === text.length) this.#skipLF = true;
    else if (text.charCodeAt(pos + 1) === LF) return pos + 2;
    return pos + 1;
  }

  /** One non-blank line `s[start, end)`; `colon` is its first colon or -1. */
  #field(s: string, start: number, end: number, colon: number): void {
    if (colon === start) {
      const onComment = this.#handlers.onComment;
      if (onComment) onComment(s.slice(valueAt(s, start + 1), end));
      return;
    }
    const nameEnd = colon < 0 ? end : colon;
    let valueStart = colon < 0 ? end : colon + 1;
    if (valueStart < end && s.charCodeAt(valueStart) === SPACE) valueStart++;
    switch (nameEnd - start) {
      case 4:
        if (s.startsWith('data', start)) this.#appendData(s.slice(valueStart, end));
        break;
      case 5:
        if (s.startsWith('event', start)) this.#eventType = s.slice(valueStart, end);
        else if (s.startsWith('retry', start)) this.#retry(s.slice(valueStart, end));
        break;
      case 2:
        if (s.startsWith('id', start)) this.#setId(s.slice(valueStart, end));
        break;
    }
  }

  #setId(id: string): void {
    if (!id.includes('\0')) this.#idBuffer = id;
  }

  #retry(value: string): void {
    if (this.#handlers.onRetry && /^[0-9]+$/.test(value)) this.#handlers.onRetry(Number(value));
  }

  #dispatch(): void {
    this.#lastId = this.#idBuffer;
    if (this.#hasData) {
      const event: SSEEvent = {
        event: this.#eventType || 'message',
        data: this.#data,
        id: this.#lastId,
      };
      this.#clearEvent();
      this.#handlers.onEvent(event);
    } else {
      this.#eventType = '';
    }
  }

  #appendData(value: string): void {
    if (this.#dataBytes >= 0) this.#dataBytes += (this.#hasData ? 1 : 0) + utf8Length(value);
    if (this.#hasData) {
      this.#data += `\n${value}`;
    } else {
      this.#data = value;
      this.#hasData = true;
    }
  }

  #appendPending(piece: string): void {
    const line = this.#line;
    line.push(piece);
    if ((line.units + this.#data.length) * 3 > this.#limit)
      this.#fits(line.units, '', 0, 0, true, true);
  }

  /**
   * Slow path of the size check, when the unit count alone cannot tell (UTF-8 takes 1 to 3 bytes
   * a unit): whether the event's data plus a line of `units` units, ending with `s[start, end)`
   * after the pending line if `pending`, fit in the limit. If not, the event is reported and
   * discarded (from the middle of a line if `midLine`).
   */
  #fits(
    units: number,
    s: string,
    start: number,
    end: number,
    pending: boolean,
    midLine = false,
  ): boolean {
    if (units + this.#data.length <= this.#limit) {
      if (this.#dataBytes < 0) this.#dataBytes = utf8Length(this.#data);
      const lineBytes = (pending ? this.#line.bytes() : 0) + utf8Length(s, start, end);
      if (this.#dataBytes + lineBytes <= this.#limit) return true;
    }
    this.#line.clear();
    this.#clearEvent();
    this.#idBuffer = this.#lastId;
    this.#discarding = true;
    this.#lineStarted = midLine;
    this.#handlers.onError?.(new EventTooLargeError(this.#limit));
    return false;
  }

  #clearEvent(): void {
    this.#data = '';
    this.#hasData = false;
    this.#eventType = '';
    this.#dataBytes = -1;
  }
}

// With `s[i]` known to be the first letter, whether the name at `i` is `data` / `event`.
// (charCodeAt compiles to plain loads, where startsWith stays a call.)
function isData(s: string, i: number): boolean {
  return s.charCodeAt(i + 1) === 97 && s.charCodeAt(i + 2) === 116 && s.charCodeAt(i + 3) === 97;
}

function isEvent(s: string, i: number): boolean {
  return (
    s.charCodeAt(i + 1) === 118 &&
    s.charCodeAt(i + 2) === 101 &&
    s.charCodeAt(i + 3) === 110 &&
    s.charCodeAt(i + 4) === 116
  );
}

/** Where a value starting at `i` begins: after one leading space, if any. */
function valueAt(s: string, i: number): number {
  return s.charCodeAt(i) === SPACE ? i + 1 : i;
}

function indexOf(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i < 0 ? text.length : i;
}
