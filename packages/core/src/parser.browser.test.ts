import { describe, expect, it } from 'vitest';
import { createParser } from './parser';
import { caseBytes, parserCases } from './parser-cases';
import type { SSEEvent } from './types';

/** The test server's endpoint that answers exactly these bytes as text/event-stream, then ends. */
function rawUrl(input: Uint8Array, query = ''): string {
  let binary = '';
  for (const byte of input) binary += String.fromCharCode(byte);
  return `/__sse/raw?b64=${encodeURIComponent(btoa(binary))}${query}`;
}

/** Events the native EventSource dispatches for `types`, up to its first error (the end of the response). */
function nativeEvents(url: string, types: Set<string>): Promise<SSEEvent[]> {
  return new Promise((resolve) => {
    const source = new EventSource(url);
    const events: SSEEvent[] = [];
    for (const type of types) {
      source.addEventListener(type, (e) => {
        events.push({ event: e.type, data: e.data, id: e.lastEventId });
      });
    }
    source.onerror = () => {
      source.close();
      resolve(events);
    };
  });
}

function parserEvents(chunks: Uint8Array[], types: Set<string>): SSEEvent[] {
  const events: SSEEvent[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  for (const chunk of chunks) parser.feed(chunk);
  return events.filter((e) => types.has(e.event));
}

function bytewise(input: Uint8Array): Uint8Array[] {
  return Array.from({ length: input.length }, (_, i) => input.subarray(i, i + 1));
}

describe('createParser matches Chromium EventSource on the same bytes', () => {
  for (const c of parserCases) {
    const input = caseBytes(c);
    const types = new Set(['message', ...c.events.map((e) => e.event)]);

    it(`${c.name}`, async () => {
      const native = await nativeEvents(rawUrl(input), types);
      expect(parserEvents([input], types)).toEqual(native);
      expect(native).toEqual(c.events);
    });

    it(`${c.name} (dripped byte by byte)`, async () => {
      const native = await nativeEvents(rawUrl(input, '&chunk=1&delay=0'), types);
      expect(parserEvents(bytewise(input), types)).toEqual(native);
      expect(native).toEqual(c.events);
    });
  }
});

/** Random streams from a seeded PRNG: every field kind, every line end, invalid bytes, NUL, BOM. */
function randomStream(seed: number): Uint8Array {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)]!;
  const encoder = new TextEncoder();
  const out: number[] = [];
  const put = (text: string) => out.push(...encoder.encode(text));
  for (let i = 0; i < 40; i++) {
    const kind = rnd();
    if (kind < 0.25) {
      put('');
    } else if (kind < 0.5) {
      put(`data${pick([':', ': ', ':  ', ''])}`);
      for (let j = Math.floor(rnd() * 6); j > 0; j--) {
        if (rnd() < 0.1)
          out.push(...pick([[0xff], [0xe2, 0x82], [0xc0, 0x80], [0xed, 0xa0, 0x80]]));
        else put(pick(['x', 'é', '€', '😀', '\0', '\uFEFF', ':', ' ']));
      }
    } else if (kind < 0.6) {
      put(`event${pick([': a', ':b', ': message', ':', ''])}`);
    } else if (kind < 0.72) {
      put(`id${pick([': 1', ':2', ': é', ': a\0b', ':', ''])}`);
    } else if (kind < 0.8) {
      put(`retry: ${pick(['10', 'x', ''])}`);
    } else if (kind < 0.88) {
      put(pick([': comment', ':', 'dat: x', 'data : x', 'Data: x', '\uFEFFdata: x']));
    } else {
      put(pick(['data', 'id', 'event']));
    }
    put(pick(['\n', '\n', '\r', '\r\n']));
  }
  return Uint8Array.from(out);
}

describe('createParser matches Chromium EventSource on random streams', () => {
  const types = new Set(['message', 'a', 'b']);
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}`, async () => {
      const input = randomStream(seed);
      const native = await nativeEvents(rawUrl(input, '&chunk=7&delay=0'), types);
      expect(native.length).toBeGreaterThan(1);
      expect(parserEvents([input], types)).toEqual(native);
      expect(parserEvents(bytewise(input), types)).toEqual(native);
    });
  }
});
