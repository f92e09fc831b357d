import { EventTooLargeError } from './errors';
import { LineBuffer } from './line-buffer';
import type { Parser, ParserHandlers, ParserOptions } from './types';
import { Utf8Decoder, utf8Length } from './utf8';

export type { Parser, ParserHandlers, ParserOptions } from './types';

const LF = 10;
const SPACE = 32;
const COLON = 58;
const BOM = 0xfeff;

/**
 * Create a spec-exact `text/event-stream` parser (WHATWG HTML, "event stream interpretation"):
 * the same bytes give the same events as the browser's `EventSource`. It runs in linear time on
 * any input and buffers at most `maxEventBytes`.
 *
 * @example
 * const parser = createParser({ onEvent: (e) => console.log(e.event, e.data, e.id) });
 * const reader = response.body!.getReader();
 * for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
 *   parser.feed(chunk.value);
 * }
 */
export function createParser(handlers: ParserHandlers, options: ParserOptions = {}): Parser {
  return new SSEParser(handlers, options);
}

/** The parser behind {@link createParser}; `bufferedUnits` is exposed for tests only. */
export class SSEParser implements Parser {
  readonly #handlers: ParserHandlers;
  readonly #limit: number;
  readonly #decoder = new Utf8Decoder();
  /** The unterminated line at the end of the input so far. */
  readonly #line = new LineBuffer();
  #lastId: string;
  #idBuffer: string;
  #data = '';
  #hasData = false;
  #type = '';
  /** Exact UTF-8 bytes of `#data` (-1: not counted, as the event is far from the limit). */
  #dataBytes = -1;
  /** The character to drop if the next text starts with it: a BOM, or an LF after a CR. */
  #skipChar = BOM;
  /** Discarding a too-large event until the next blank line: 1 at a line start, 2 mid-line. */
  #discarding = 0;
  /** Bumped by `reset()`, so a handler that resets stops the chunk being parsed. */
  #generation = 0;

  constructor(handlers: ParserHandlers, options: ParserOptions) {
    const limit = options.maxEventBytes ?? 16 * 1024 * 1024;
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
    const text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk);
    if (text) this.#parse(text);
  }

  reset(): void {
    this.#generation++;
    this.#decoder.reset();
    this.#skipChar = BOM;
    this.#discarding = 0;
    this.#clear();
  }

  /** Forget the event being read (and the pending line, which belongs to it). */
  #clear(): void {
    this.#data = this.#type = '';
    this.#hasData = false;
    this.#dataBytes = -1;
    this.#idBuffer = this.#lastId;
    this.#line.clear();
  }

  /**
   * Slow path of the size check, when the unit count alone cannot tell (UTF-8 takes 1 to 3 bytes
   * a unit): whether the event's data plus the pending line and `s[start, end)` fit in the limit.
   * If not, the event is reported and discarded.
   */
  #fits(s: string, start: number, end: number): boolean {
    if (this.#dataBytes < 0) this.#dataBytes = utf8Length(this.#data);
    if (this.#dataBytes + this.#line.bytes() + utf8Length(s, start, end) <= this.#limit)
      return true;
    this.#clear();
    this.#discarding = 1;
    this.#handlers.onError?.(new EventTooLargeError(this.#limit));
    return false;
  }

  #parse(text: string): void {
    const len = text.length;
    const gen = this.#generation;
    const line = this.#line;
    const limit = this.#limit;
    let pos = text.charCodeAt(0) === this.#skipChar ? 1 : 0;
    this.#skipChar = -1;
    // Next LF, CR and colon at or after `pos` (`len` when none): each is searched for once per
    // occurrence, so the scan stays linear however the lines are laid out. (A blank line, the
    // usual line after a data line, is told without a search.)
    let lf = -1;
    let cr = -1;
    let colon = -1;
    while (pos < len) {
      if (lf < pos) {
        lf = text.charCodeAt(pos) === LF ? pos : text.indexOf('\n', pos);
        if (lf < 0) lf = len;
      }
      if (cr < pos) {
        cr = text.indexOf('\r', pos);
        if (cr < 0) cr = len;
      }
      const end = Math.min(lf, cr);
      if (end === len) break;
      let next = end + 1;
      if (end === cr) {
        if (next === len) this.#skipChar = LF;
        else if (text.charCodeAt(next) === LF) next++;
      }
      if (this.#discarding) {
        this.#discarding = end === pos && this.#discarding === 1 ? 0 : 1;
      } else if (end === pos && line.units === 0) {
        this.#lastId = this.#idBuffer;
        if (this.#hasData) {
          const event = { event: this.#type || 'message', data: this.#data, id: this.#lastId };
          this.#data = this.#type = '';
          this.#hasData = false;
          this.#dataBytes = -1;
          this.#handlers.onEvent(event);
        } else this.#type = '';
      } else if (
        (line.units + end - pos + this.#data.length) * 3 <= limit ||
        this.#fits(text, pos, end)
      ) {
        // The line is `s[start, stop)`, its name ends at `nameEnd` (a colon, or `stop`).
        let s = text;
        let start = pos;
        let stop = end;
        let nameEnd: number;
        if (line.units > 0) {
          s = line.take(text.slice(pos, end));
          start = 0;
          stop = s.length;
          nameEnd = s.indexOf(':');
          if (nameEnd < 0) nameEnd = stop;
        } else {
          // Where the colon is after `data`, `id`, `event` or `retry`: tried first, as the usual
          // names then need no search for the colon. (If a colon comes earlier, neither the name
          // before it nor the one before the guess is one of the spec's: both lines are ignored.)
          const c = text.charCodeAt(pos);
          nameEnd = pos + (c === 100 ? 4 : c === 105 ? 2 : 5);
          if (c === COLON || nameEnd >= end || text.charCodeAt(nameEnd) !== COLON) {
            if (colon < pos) {
              colon = text.indexOf(':', pos);
              if (colon < 0) colon = len;
            }
            nameEnd = Math.min(colon, end);
          }
        }
        // With no colon, the value starts past `stop` and is empty.
        let valueStart = nameEnd + 1;
        if (valueStart < stop && s.charCodeAt(valueStart) === SPACE) valueStart++;
        const value = s.slice(valueStart, stop);
        // The usual names are compared by character codes: plain loads once optimized, where
        // startsWith stays a call (a tenth fewer instructions on a stream of short lines).
        const n = nameEnd - start;
        if (
          n === 4 &&
          s.charCodeAt(start) === 100 &&
          s.charCodeAt(start + 1) === 97 &&
          s.charCodeAt(start + 2) === 116 &&
          s.charCodeAt(start + 3) === 97
        ) {
          if (this.#dataBytes >= 0) this.#dataBytes += +this.#hasData + utf8Length(value);
          this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
          this.#hasData = true;
        } else if (
          n === 5 &&
          s.charCodeAt(start) === 101 &&
          s.charCodeAt(start + 1) === 118 &&
          s.charCodeAt(start + 2) === 101 &&
          s.charCodeAt(start + 3) === 110 &&
          s.charCodeAt(start + 4) === 116
        )
          this.#type = value;
        else if (n === 2 && s.charCodeAt(start) === 105 && s.charCodeAt(start + 1) === 100) {
          if (!value.includes('\0')) this.#idBuffer = value;
        } else if (n === 5 && s.startsWith('retry', start)) {
          if (/^\d+$/.test(value)) this.#handlers.onRetry?.(+value);
        } else if (n === 0) this.#handlers.onComment?.(value);
      }
      if (this.#generation !== gen) return;
      pos = next;
    }
    if (pos < len && !this.#discarding) this.#pend(pos === 0 ? text : text.slice(pos));
    if (pos < len && this.#discarding) this.#discarding = 2;
  }

  /** Keep the start of a line that the chunk does not end. */
  #pend(piece: string): void {
    this.#line.push(piece);
    if ((this.#line.units + this.#data.length) * 3 > this.#limit) this.#fits('', 0, 0);
  }
}
