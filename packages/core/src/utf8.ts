/**
 * Streaming UTF-8 decoding with exactly the output of `TextDecoder` with `{ stream: true }`
 * (U+FFFD for invalid bytes, the BOM kept), but faster: the bytes of a character cut off at the
 * end of a chunk (at most 3) are carried over here, so every chunk decodes on its own, and
 * ASCII text takes the one-shot path that some engines (Node's) run several times faster.
 */
export class Utf8Decoder {
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  #carry: Uint8Array | null = null;
  #ascii = true;

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.#carry) {
      bytes = new Uint8Array(this.#carry.length + chunk.length);
      bytes.set(this.#carry);
      bytes.set(chunk, this.#carry.length);
      this.#carry = null;
    }
    const cut = incompleteTail(bytes);
    if (cut < bytes.length) {
      this.#carry = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
    }
    if (bytes.length === 0) return '';
    // The decoder holds no state between calls (no chunk ends mid-character), so both modes
    // decode alike; the streaming one is just faster on non-ASCII text in some engines.
    const text = this.#ascii ? this.#decoder.decode(bytes) : this.#decoder.decode(bytes, STREAM);
    this.#ascii = text.length === bytes.length;
    return text;
  }

  /** Forget a carried partial character (a new stream). */
  reset(): void {
    this.#carry = null;
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
