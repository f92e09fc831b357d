/**
 * Streaming UTF-8 decoding with exactly the output of `TextDecoder` with `{ stream: true }`
 * (U+FFFD for invalid bytes, the BOM kept), but faster on ASCII: while the text is ASCII, each
 * chunk that ends in ASCII is decoded in one non-streaming call (several times faster in some
 * engines, Node's among them), as streaming would give the same text and keep nothing.
 * Non-ASCII text, where streaming is the faster mode, goes through the decoder's streaming mode.
 */
export class Utf8Decoder {
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** A second decoder for streaming mode: in Node, one streaming call slows an instance for good. */
  readonly #streaming = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The text is ASCII so far, and the streaming decoder holds nothing. */
  #oneShot = true;

  decode(chunk: Uint8Array): string {
    const len = chunk.length;
    // (An empty chunk goes to the streaming decoder, which gives '' and keeps what it held.)
    const endsInAscii = chunk[len - 1]! < 0x80;
    if (this.#oneShot && endsInAscii) {
      if (len === 1) return String.fromCharCode(chunk[0]!);
      const text = this.#decoder.decode(chunk);
      if (text.length !== len) this.#oneShot = false;
      return text;
    }
    const text = this.#streaming.decode(chunk, { stream: true });
    // A chunk of ASCII leaves nothing in the decoder: one-shot mode is safe again.
    this.#oneShot = endsInAscii && text.length === len;
    return text;
  }

  /** Forget a held partial character (a new stream). */
  reset(): void {
    if (!this.#oneShot) this.#streaming.decode();
    this.#oneShot = true;
  }
}

const SMALL = 64;
const SLICE = 16 * 1024;
const encoder = new TextEncoder();
let scratch: Uint8Array | undefined;

/** UTF-8 length of `s[start, end)`: a surrogate pair (two units) is four bytes. */
export function utf8Length(s: string, start = 0, end = s.length): number {
  if (end - start <= SMALL) {
    let bytes = end - start;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) bytes += c < 0x800 || (c & 0xf800) === 0xd800 ? 1 : 2;
    }
    return bytes;
  }
  scratch ??= new Uint8Array(3 * SLICE);
  let bytes = 0;
  for (let i = start; i < end; ) {
    let stop = Math.min(i + SLICE, end);
    // Do not split a surrogate pair: each half alone would count as U+FFFD (3 bytes).
    if (stop < end && (s.charCodeAt(stop - 1) & 0xfc00) === 0xd800) stop--;
    bytes += encoder.encodeInto(s.slice(i, stop), scratch).written;
    i = stop;
  }
  return bytes;
}
