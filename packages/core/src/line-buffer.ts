import { utf8Length } from './utf8';

/** Pieces are joined in groups of this many, so a line dripped byte by byte stays compact. */
const GROUP = 512;

/**
 * The unterminated line at the end of the input so far, kept as pieces (never re-scanned or
 * re-joined while it grows, so any line takes linear time). Its UTF-8 length is measured only
 * once asked for, and from then on piece by piece as they come.
 */
export class LineBuffer {
  /** UTF-16 code units held. */
  units = 0;
  /**
   * The pieces; the first `#grouped` of them are joined groups. An empty buffer holds a new empty
   * array, never pushed to: the first piece starts an array made with a string in it, as an array
   * made empty holds small integers until a string is pushed, which optimized callers then undo.
   */
  #pieces: string[] = [];
  #grouped = 0;
  /** Exact UTF-8 bytes held, or -1 while not measured. */
  #bytes = -1;

  push(piece: string): void {
    const pieces = this.#pieces;
    if (pieces.length === 0) this.#pieces = [piece];
    else pieces.push(piece);
    this.units += piece.length;
    if (this.#bytes >= 0) this.#bytes += utf8Length(piece);
    if (pieces.length - this.#grouped >= GROUP) {
      pieces.push(pieces.splice(this.#grouped).join(''));
      this.#grouped++;
    }
  }

  /** The exact UTF-8 length of the line so far. */
  bytes(): number {
    if (this.#bytes < 0) {
      this.#bytes = 0;
      for (const piece of this.#pieces) this.#bytes += utf8Length(piece);
    }
    return this.#bytes;
  }

  /** The whole line with `tail` appended, emptying the buffer. */
  take(tail = ''): string {
    const pieces = this.#pieces;
    let line = tail;
    if (pieces.length === 1) line = pieces[0] + tail;
    else if (pieces.length > 1) {
      pieces.push(tail);
      line = pieces.join('');
    }
    this.clear();
    return line;
  }

  clear(): void {
    this.units = this.#grouped = 0;
    this.#bytes = -1;
    if (this.#pieces.length > 0) this.#pieces = [];
  }
}
