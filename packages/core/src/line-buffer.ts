import { utf8Length } from './utf8';

/** Small pieces are joined in groups of this many, so a line dripped byte by byte stays compact. */
const GROUP = 512;
/** Pieces this long on average are not joined: few enough that neither memory nor GC minds. */
const SMALL_PIECE = 1024;

/**
 * The unterminated line at the end of the input so far, kept as pieces (never re-scanned or
 * re-joined while it grows, so any line takes linear time) and measured in UTF-8 bytes only on
 * demand, each piece about once.
 */
export class LineBuffer {
  /** UTF-16 code units held. */
  units = 0;
  #groups: string[] = [];
  #pieces: string[] = [];
  #pieceUnits = 0;
  #compactAt = GROUP;
  /** Once `bytes()` was asked: exact bytes of the groups and of `#pieces[0, #measured)`. */
  #tracking = false;
  #groupBytes = 0;
  #pieceBytes = 0;
  #measured = 0;
  #measuredUnits = 0;

  push(piece: string): void {
    const pieces = this.#pieces;
    pieces.push(piece);
    this.units += piece.length;
    this.#pieceUnits += piece.length;
    if (pieces.length < this.#compactAt) return;
    if (this.#pieceUnits >= pieces.length * SMALL_PIECE) {
      this.#compactAt = pieces.length * 2;
      return;
    }
    const group = pieces.join('');
    this.#groups.push(group);
    this.#pieces = [];
    this.#pieceUnits = 0;
    this.#compactAt = GROUP;
    if (this.#tracking) {
      this.#groupBytes += utf8Length(group);
      this.#pieceBytes = 0;
      this.#measured = 0;
      this.#measuredUnits = this.units;
    }
  }

  /** An upper bound of `bytes()` that costs nothing: UTF-8 takes at most 3 bytes a unit. */
  maxBytes(): number {
    return this.#groupBytes + this.#pieceBytes + 3 * (this.units - this.#measuredUnits);
  }

  /** The exact UTF-8 length of the line so far. */
  bytes(): number {
    if (!this.#tracking) {
      this.#tracking = true;
      for (const group of this.#groups) this.#groupBytes += utf8Length(group);
    }
    // Measured in joined batches: one pass over the text instead of a call per small piece.
    const pieces = this.#pieces;
    for (let i = this.#measured; i < pieces.length; i += GROUP) {
      const batch = pieces.slice(i, i + GROUP);
      this.#pieceBytes += utf8Length(batch.length === 1 ? batch[0]! : batch.join(''));
    }
    this.#measured = pieces.length;
    this.#measuredUnits = this.units;
    return this.#groupBytes + this.#pieceBytes;
  }

  /** The whole line with `tail` appended, emptying the buffer. */
  take(tail = ''): string {
    const pieces = this.#pieces;
    let line: string;
    if (pieces.length === 1 && this.#groups.length === 0) {
      line = pieces[0]! + tail;
    } else {
      const all = this.#groups.length > 0 ? this.#groups.concat(pieces) : pieces;
      if (tail) all.push(tail);
      line = all.join('');
    }
    this.clear();
    return line;
  }

  clear(): void {
    this.units = 0;
    // New arrays: cheaper than truncating (`length = 0` is a runtime call in V8).
    if (this.#pieces.length > 0) this.#pieces = [];
    if (this.#groups.length > 0) this.#groups = [];
    this.#pieceUnits = 0;
    this.#compactAt = GROUP;
    if (this.#tracking) {
      this.#tracking = false;
      this.#groupBytes = 0;
      this.#pieceBytes = 0;
      this.#measured = 0;
      this.#measuredUnits = 0;
    }
  }
}
