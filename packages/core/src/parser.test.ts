import { describe, expect, it } from 'vitest';
import { EventTooLargeError, type SSEError } from './errors';
import { createParser, type Parser, type ParserOptions, type SSEParser } from './parser';
import { bytes, caseBytes, ev, type ParserCase, parserCases } from './parser-cases';
import type { SSEEvent } from './types';

interface Output {
  events: SSEEvent[];
  retries: number[];
  comments: string[];
  errors: SSEError[];
}

function collect(options?: ParserOptions): { parser: Parser; out: Output } {
  const out: Output = { events: [], retries: [], comments: [], errors: [] };
  const parser = createParser(
    {
      onEvent: (e) => out.events.push(e),
      onRetry: (ms) => out.retries.push(ms),
      onComment: (text) => out.comments.push(text),
      onError: (err) => out.errors.push(err),
    },
    options,
  );
  return { parser, out };
}

function parse(chunks: Iterable<Uint8Array | string>, options?: ParserOptions) {
  const { parser, out } = collect(options);
  for (const chunk of chunks) parser.feed(chunk);
  return { ...out, lastEventId: parser.lastEventId };
}

function expected(c: ParserCase) {
  return {
    events: c.events,
    retries: c.retries ?? [],
    comments: c.comments ?? [],
    errors: [],
    lastEventId: c.lastEventId ?? c.events.at(-1)?.id ?? '',
  };
}

function* bytewise(input: Uint8Array) {
  for (let i = 0; i < input.length; i++) yield input.subarray(i, i + 1);
}

describe('createParser: spec cases', () => {
  for (const c of parserCases) {
    describe(c.name, () => {
      const input = caseBytes(c);
      const want = expected(c);

      it('in one chunk', () => {
        expect(parse([input])).toEqual(want);
      });

      it('split in two at every byte', () => {
        for (let i = 0; i <= input.length; i++) {
          expect(parse([input.subarray(0, i), input.subarray(i)]), `split at ${i}`).toEqual(want);
        }
      });

      it('split in three at every pair of bytes', () => {
        const n = Math.min(input.length, 80);
        for (let i = 1; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const chunks = [input.subarray(0, i), input.subarray(i, j), input.subarray(j)];
            expect(parse(chunks), `split at ${i}, ${j}`).toEqual(want);
          }
        }
      });

      it('byte by byte', () => {
        expect(parse(bytewise(input))).toEqual(want);
      });

      if (typeof c.input === 'string') {
        const text = c.input;
        it('as strings, split at every character', () => {
          expect(parse([text])).toEqual(want);
          for (let i = 0; i <= text.length; i++) {
            expect(parse([text.slice(0, i), text.slice(i)]), `split at ${i}`).toEqual(want);
          }
        });
      }
    });
  }
});

describe('createParser: decoding', () => {
  it('dispatches at once on a CR that ends a chunk, and skips the LF that starts the next', () => {
    const { parser, out } = collect();
    parser.feed('data: a\r');
    expect(out.events).toEqual([]);
    parser.feed('\r');
    expect(out.events).toEqual([ev('a')]);
    parser.feed('\ndata: b\r');
    parser.feed('\n');
    expect(out.events).toEqual([ev('a')]);
    parser.feed('\r\n');
    expect(out.events).toEqual([ev('a'), ev('b')]);
  });

  it('decodes a character split at each of its bytes', () => {
    for (const char of ['é', '€', '𝄞', '😀']) {
      const input = bytes(`data: ${char}\n\n`);
      for (let i = 7; i < 6 + new TextEncoder().encode(char).length; i++) {
        const got = parse([input.subarray(0, i), input.subarray(i)]);
        expect(got.events, `${char} split at ${i}`).toEqual([ev(char)]);
      }
    }
  });

  it('strips a BOM split across chunks', () => {
    const input = bytes([0xef, 0xbb, 0xbf], 'data: a\n\n');
    expect(parse(bytewise(input)).events).toEqual([ev('a')]);
  });

  it('strips one leading U+FEFF from string input', () => {
    expect(parse(['\uFEFF', '\uFEFFdata: a\n\ndata: b\n\n']).events).toEqual([ev('b')]);
    expect(parse(['', '\uFEFFdata: a\n\n']).events).toEqual([ev('a')]);
  });

  it('accepts bytes and strings in the same stream', () => {
    expect(parse([bytes('data: a'), 'b\n', bytes('\n')]).events).toEqual([ev('ab')]);
  });
});

describe('createParser: reset and last event ID', () => {
  it('reset drops the partial line, event and decoder state but keeps the last event ID', () => {
    const { parser, out } = collect();
    parser.feed('id: 7\ndata: a\n\nid: 8\nevent: x\ndata: partial\nda');
    parser.feed(bytes('data: ', [0xe2, 0x82]));
    parser.reset();
    expect(parser.lastEventId).toBe('7');
    parser.feed(bytes([0xef, 0xbb, 0xbf], 'ta: b\n\n'));
    parser.feed('data: c\n\n');
    expect(out.events).toEqual([ev('a', 'message', '7'), ev('c', 'message', '7')]);
  });

  it('takes an initial last event ID and lets the client set it', () => {
    const { parser, out } = collect({ lastEventId: 'start' });
    expect(parser.lastEventId).toBe('start');
    parser.feed('data: a\n\n');
    parser.lastEventId = 'resumed';
    parser.feed('data: b\n\nid: 3\n\n');
    expect(out.events).toEqual([ev('a', 'message', 'start'), ev('b', 'message', 'resumed')]);
    expect(parser.lastEventId).toBe('3');
  });

  it('stops parsing the chunk when a handler resets the parser', () => {
    const events: SSEEvent[] = [];
    const parser = createParser({
      onEvent: (e) => {
        events.push(e);
        parser.reset();
      },
    });
    parser.feed('data: a\n\ndata: b\n\n');
    parser.feed('data: c\n\n');
    expect(events).toEqual([ev('a'), ev('c')]);
  });

  it('rejects a limit that is not positive', () => {
    expect(() => createParser({ onEvent() {} }, { maxEventBytes: 0 })).toThrow(RangeError);
  });
});

describe('createParser: maxEventBytes', () => {
  const limit = 100;
  const big = `data: ${'x'.repeat(60)}\ndata: ${'y'.repeat(60)}\n`;
  const input = bytes(
    `data: a\n\nid: 5\nevent: big\n${big}:c\nretry: 9\ndata: more\n\nid: 6\ndata: b\n\n`,
  );

  function checkDiscarded(got: ReturnType<typeof parse>, where: string) {
    expect(got.events, where).toEqual([ev('a'), ev('b', 'message', '6')]);
    expect(got.errors, where).toHaveLength(1);
    expect(got.errors[0], where).toBeInstanceOf(EventTooLargeError);
    expect((got.errors[0] as EventTooLargeError).limit).toBe(limit);
    expect(got.errors[0]?.fatal).toBe(false);
    expect(got.retries, where).toEqual([]);
  }

  it('reports a too-large event once, discards it, and keeps the events around it', () => {
    checkDiscarded(parse([input], { maxEventBytes: limit }), 'one chunk');
    for (let i = 0; i <= input.length; i++) {
      const chunks = [input.subarray(0, i), input.subarray(i)];
      checkDiscarded(parse(chunks, { maxEventBytes: limit }), `split at ${i}`);
    }
    checkDiscarded(parse(bytewise(input), { maxEventBytes: limit }), 'byte by byte');
  });

  it('does not let the discarded event set the last event ID', () => {
    const got = parse(['id: 1\n\nid: 2\ndata: ', 'z'.repeat(200), '\n\ndata: after\n\n'], {
      maxEventBytes: limit,
    });
    expect(got.events).toEqual([ev('after', 'message', '1')]);
  });

  it('counts UTF-8 bytes, not characters, with the field name and every data line', () => {
    const fits = (line: string) =>
      parse([`${line}\n\n`], { maxEventBytes: limit }).errors.length === 0;
    // "data: " is 6 bytes, so 94 bytes of value fit exactly.
    expect(fits(`data: ${'a'.repeat(94)}`)).toBe(true);
    expect(fits(`data: ${'a'.repeat(95)}`)).toBe(false);
    expect(fits(`data: ${'é'.repeat(47)}`)).toBe(true);
    expect(fits(`data: ${'é'.repeat(47)}a`)).toBe(false);
    expect(fits(`data: ${'€'.repeat(31)}a`)).toBe(true);
    expect(fits(`data: ${'€'.repeat(32)}`)).toBe(false);
    expect(fits(`data: ${'😀'.repeat(23)}aa`)).toBe(true);
    expect(fits(`data: ${'😀'.repeat(24)}`)).toBe(false);
    expect(fits(`:${'c'.repeat(100)}`)).toBe(false);
    // Buffered data plus the line being read: 50 + "data: " + 44 = 100.
    expect(fits(`data: ${'a'.repeat(50)}\ndata: ${'b'.repeat(44)}`)).toBe(true);
    expect(fits(`data: ${'a'.repeat(50)}\ndata: ${'b'.repeat(45)}`)).toBe(false);
  });

  it('keeps memory bounded while a huge event streams in', () => {
    const { parser, out } = collect({ maxEventBytes: 1000 });
    const parserImpl = parser as SSEParser;
    parser.feed('data: start\n');
    let maxBuffered = 0;
    for (let i = 0; i < 2000; i++) {
      parser.feed(i % 10 === 9 ? '€€€€€€€€€\n' : 'data: 12345678901234567890€');
      maxBuffered = Math.max(maxBuffered, parserImpl.bufferedUnits);
    }
    expect(maxBuffered).toBeGreaterThan(300);
    expect(maxBuffered).toBeLessThanOrEqual(1000);
    expect(out.errors).toHaveLength(1);
    parser.feed('\ndata: next\n\n');
    expect(out.events).toEqual([ev('next')]);
    expect(parserImpl.bufferedUnits).toBe(0);
  });

  it('drops a huge single line without buffering it', () => {
    const { parser, out } = collect({ maxEventBytes: 1024 });
    const parserImpl = parser as SSEParser;
    const chunk = 'x'.repeat(4096);
    parser.feed('data: ');
    for (let i = 0; i < 256; i++) {
      parser.feed(chunk);
      expect(parserImpl.bufferedUnits).toBe(0);
    }
    parser.feed('\n\ndata: ok\n\n');
    expect(out.errors).toHaveLength(1);
    expect(out.events).toEqual([ev('ok')]);
  });
});

/** The size rule in its plainest form: data bytes plus the line's bytes, for each whole line. */
function referenceLimit(text: string, limit: number) {
  const encoder = new TextEncoder();
  const size = (s: string) => encoder.encode(s).length;
  const events: SSEEvent[] = [];
  let errors = 0;
  let data: string | null = null;
  let type = '';
  let idBuffer = '';
  let lastId = '';
  let discarding = false;
  const lines = text.split('\n');
  lines.pop();
  for (const line of lines) {
    if (discarding) {
      discarding = line !== '';
      continue;
    }
    if (line === '') {
      lastId = idBuffer;
      if (data !== null) events.push({ event: type || 'message', data, id: lastId });
      data = null;
      type = '';
    } else if ((data === null ? 0 : size(data)) + size(line) > limit) {
      errors++;
      data = null;
      type = '';
      idBuffer = lastId;
      discarding = true;
    } else if (line.startsWith('data: ')) {
      data = data === null ? line.slice(6) : `${data}\n${line.slice(6)}`;
    } else if (line.startsWith('event: ')) {
      type = line.slice(7);
    } else if (line.startsWith('id: ')) {
      idBuffer = line.slice(4);
    }
  }
  return { events, errors };
}

describe('createParser: maxEventBytes against a plain model', () => {
  it('agrees on random streams near the limit, cut at random places', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!;
    const chars = ['a', 'é', '€', '😀'];
    const text = (n: number) => Array.from({ length: n }, () => pick(chars)).join('');
    const encoder = new TextEncoder();
    let tooLarge = 0;
    let dispatched = 0;
    for (let round = 0; round < 400; round++) {
      const limit = 20 + Math.floor(rnd() * 60);
      const lines: string[] = [];
      for (let i = 0; i < 30; i++) {
        const kind = rnd();
        if (kind < 0.5) lines.push(`data: ${text(Math.floor(rnd() * 20))}`);
        else if (kind < 0.65) lines.push(`: ${text(Math.floor(rnd() * 30))}`);
        else if (kind < 0.75) lines.push(`id: ${round}-${i}`);
        else if (kind < 0.8) lines.push(`event: e${i}`);
        else lines.push('');
      }
      const input = `${lines.join('\n')}\n\n`;
      const want = referenceLimit(input, limit);
      const bytes = encoder.encode(input);
      const chunks: Uint8Array[] = [];
      for (let pos = 0; pos < bytes.length; ) {
        const n = 1 + Math.floor(rnd() * 24);
        chunks.push(bytes.subarray(pos, pos + n));
        pos += n;
      }
      const got = parse(chunks, { maxEventBytes: limit });
      expect(got.events, `round ${round}`).toEqual(want.events);
      expect(got.errors.length, `round ${round}`).toBe(want.errors);
      tooLarge += want.errors;
      dispatched += want.events.length;
    }
    // The streams hit the limit often, and often do not.
    expect(tooLarge).toBeGreaterThan(400);
    expect(dispatched).toBeGreaterThan(400);
  });
});

describe('createParser: linear time', () => {
  it('parses a 2 MB line fed one byte at a time', () => {
    const size = 2 * 1024 * 1024;
    const { parser, out } = collect();
    const one = new Uint8Array([120]);
    parser.feed('data: ');
    for (let i = 0; i < size; i++) parser.feed(one);
    parser.feed('\n\n');
    expect(out.events).toHaveLength(1);
    expect(out.events[0]?.data.length).toBe(size);
    expect(out.events[0]?.data.startsWith('xxx')).toBe(true);
  });

  it('parses many short lines without a colon or line end to search ahead for', () => {
    const lines = 'data\n'.repeat(200_000);
    const { parser, out } = collect();
    parser.feed(`${lines}\n`);
    expect(out.events).toHaveLength(1);
    expect(out.events[0]?.data.length).toBe(200_000 - 1);
  });
});
