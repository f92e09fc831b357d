import { describe, expect, it } from 'vitest';
import { Utf8Decoder, utf8Length } from './utf8';

/** A deterministic PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Valid characters of every length, and the bytes that make UTF-8 invalid.
const pieces = [
  [0x41],
  [0x0a],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xef, 0xbb, 0xbf],
  [0x80],
  [0xbf],
  [0xc0],
  [0xc1, 0x81],
  [0xe0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5],
  [0xff],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
];

function soup(rnd: () => number, n: number): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(...pieces[Math.floor(rnd() * pieces.length)]!);
  return Uint8Array.from(out);
}

describe('Utf8Decoder', () => {
  it('decodes any bytes cut anywhere exactly as a streaming TextDecoder', () => {
    const rnd = random(7);
    for (let round = 0; round < 300; round++) {
      // Ends with ASCII, which completes or rejects any character held back before it.
      const input = Uint8Array.from([...soup(rnd, 1 + Math.floor(rnd() * 40)), 0x5a]);
      const reference = new TextDecoder('utf-8', { ignoreBOM: true });
      const decoder = new Utf8Decoder();
      let want = '';
      let got = '';
      for (let pos = 0; pos < input.length; ) {
        const size = Math.floor(rnd() * 6);
        const chunk = input.subarray(pos, pos + size);
        want += reference.decode(chunk, { stream: true });
        got += decoder.decode(chunk);
        pos += size;
      }
      expect(got, `round ${round}`).toBe(want);
    }
  });

  it('switches between ASCII and non-ASCII chunks without losing bytes', () => {
    const decoder = new Utf8Decoder();
    const text = 'plain ascii, ünïcödé 😀, plain again, 中文';
    const bytes = new TextEncoder().encode(text.repeat(20));
    let got = '';
    for (let i = 0; i < bytes.length; i += 7) got += decoder.decode(bytes.subarray(i, i + 7));
    expect(got).toBe(text.repeat(20));
  });

  it('forgets a carried partial character on reset', () => {
    const decoder = new Utf8Decoder();
    expect(decoder.decode(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe('A');
    decoder.reset();
    expect(decoder.decode(Uint8Array.from([0xac, 0x42]))).toBe('\uFFFDB');
    // The same after non-ASCII text, when the platform decoder holds the cut-off bytes.
    expect(decoder.decode(Uint8Array.from([0xc3, 0xa9, 0xe2, 0x82]))).toBe('é');
    decoder.reset();
    expect(decoder.decode(Uint8Array.from([0xac, 0x42]))).toBe('\uFFFDB');
  });
});

describe('utf8Length', () => {
  const encoder = new TextEncoder();

  it('counts like TextEncoder, short and long, with surrogate pairs at every boundary', () => {
    const rnd = random(3);
    const chars = ['a', 'é', '€', '😀', '中', '\n'];
    for (const size of [0, 1, 10, 64, 65, 1000, 16 * 1024 + 3, 40_000]) {
      let s = '';
      while (s.length < size) s += chars[Math.floor(rnd() * chars.length)];
      expect(utf8Length(s), `size ${size}`).toBe(encoder.encode(s).length);
    }
    const pairs = '😀'.repeat(20_000);
    for (const offset of [0, 1]) {
      const s = `${'a'.repeat(offset)}${pairs}`;
      expect(utf8Length(s)).toBe(encoder.encode(s).length);
    }
  });

  it('counts a range of a string', () => {
    expect(utf8Length('xxé€😀yy', 2, 6)).toBe(2 + 3 + 4);
  });
});
