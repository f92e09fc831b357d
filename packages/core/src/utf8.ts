/**
 * Streaming UTF-8 decoding with exactly the output of `TextDecoder` with `{ stream: true }`
 * (U+FFFD for invalid bytes, the BOM kept), but faster on ASCII: while the text is ASCII, each
 * chunk is decoded in one non-streaming call (several times faster in some engines, Node's among
 * them), with only the bytes of a character cut off at its end (at most 3) carried over here.
 * Non-ASCII text, where streaming is the faster mode, goes through the decoder's streaming mode.
 */
export class Utf8Decoder {
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** A second decoder for streaming mode: in Node, one streaming call slows an instance for good. */
  readonly #streaming = new TextDecoder('utf-8', { ignoreBOM: true });
  #carry: Uint8Array | null = null;
  /** One-shot mode: the decoder holds no bytes between calls. */
  #oneShot = true;

  decode(chunk: Uint8Array): string {
    const len = chunk.length;
    if (!this.#oneShot) {
      const text = this.#streaming.decode(chunk, STREAM);
      // A chunk that ends in ASCII leaves nothing in the decoder: one-shot mode is safe again.
      if (len > 0 && chunk[len - 1]! < 0x80 && text.length === len) this.#oneShot = true;
      return text;
    }
    if (len === 1 && chunk[0]! < 0x80 && !this.#carry) return String.fromCharCode(chunk[0]!);
    let bytes = chunk;
    if (this.#carry) {
      bytes = new Uint8Array(this.#carry.length + len);
      bytes.set(this.#carry);
      bytes.set(chunk, this.#carry.length);
      this.#carry = null;
    }
    const cut = incompleteTail(bytes);
    let carry: Uint8Array | null = null;
    if (cut < bytes.length) {
      carry = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
    }
    let text = bytes.length === 0 ? '' : this.#decoder.decode(bytes);
    if (text.length === bytes.length) {
      this.#carry = carry;
    } else {
      // Not ASCII: switch to streaming mode, handing the carried bytes to the decoder.
      this.#oneShot = false;
      if (carry) text += this.#streaming.decode(carry, STREAM);
    }
    return text;
  }

  /** Forget a carried partial character (a new stream). */
  reset(): void {
    this.#carry = null;
    if (!this.#oneShot) this.#streaming.decode();
    this.#oneShot = true;
  }
}

const STREAM = { stream: true };

/**
 * Where a character that the end of `bytes` cuts off begins (`bytes.length` if none). Such a
 * sequence is 1 to 3 bytes: a lead byte followed by fewer continuation bytes than it needs.
 * Holding back an invalid sequence too is harmless: it decodes the same way joined to what follows.
 */
function incompleteTail(bytes: Uint8Array): number {
  const len = bytes.length;
  const stop = Math.max(0, len - 3);
  for (let i = len - 1; i >= stop; i--) {
    const b = bytes[i]!;
    if (b < 0x80) return len;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len - i < need ? i : len;
    }
  }
  return len;
}

const SMALL = 64;
const SLICE = 16 * 1024;
const encoder = new TextEncoder();
let scratch: Uint8Array | null = null;

/** UTF-8 length of `s[start, end)`: a surrogate pair (two units) is four bytes. */
export function utf8Length(s: string, start = 0, end = s.length): number {
  if (end - start <= SMALL) {
    let bytes = end - start;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
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
