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
