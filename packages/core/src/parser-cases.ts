import type { SSEEvent } from './types';

/** One conformance case: a stream's bytes (or text) and what parsing it must yield. */
export interface ParserCase {
  name: string;
  /** Text is sent as UTF-8; bytes as they are. */
  input: string | Uint8Array;
  events: SSEEvent[];
  /** `retry:` values reported, in order. Default none. */
  retries?: number[];
  /** Comment texts reported, in order. Default none. */
  comments?: string[];
  /** The last event ID after the whole input. Default: the last event's `id`, or `''`. */
  lastEventId?: string;
}

/** An expected event. */
export function ev(data: string, event = 'message', id = ''): SSEEvent {
  return { event, data, id };
}

/** Bytes from text parts (UTF-8) and raw byte arrays. */
export function bytes(...parts: (string | number[])[]): Uint8Array {
  const encoder = new TextEncoder();
  const arrays = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** The input of a case as bytes. */
export function caseBytes(c: ParserCase): Uint8Array {
  return typeof c.input === 'string' ? bytes(c.input) : c.input;
}

/** WHATWG HTML "Server-sent events" rules, with the spec's own examples first. */
export const parserCases: ParserCase[] = [
  {
    name: 'spec: multi-line data (stock ticker)',
    input: 'data: YHOO\ndata: +2\ndata: 10\n\n',
    events: [ev('YHOO\n+2\n10')],
  },
  {
    name: 'spec: comment, id, id reset, leading space kept',
    input:
      ': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n',
    events: [ev('first event', 'message', '1'), ev('second event'), ev(' third event')],
    comments: ['test stream'],
  },
  {
    name: 'spec: empty data, a lone LF, unterminated block discarded',
    input: 'data\n\ndata\ndata\n\ndata:',
    events: [ev(''), ev('\n')],
  },
  {
    name: 'spec: space after colon is optional',
    input: 'data:test\n\ndata: test\n\n',
    events: [ev('test'), ev('test')],
  },
  {
    name: 'spec: named events',
    input:
      'event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n',
    events: [ev('73857293', 'add'), ev('2153', 'remove'), ev('113411', 'add')],
  },
  {
    name: 'event type resets after each event; empty event is message',
    input: 'event: a\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\nevent\ndata: 4\n\n',
    events: [ev('1', 'a'), ev('2'), ev('3'), ev('4')],
  },
  {
    name: 'event type resets even when nothing is dispatched',
    input: 'event: a\n\ndata: x\n\n',
    events: [ev('x')],
  },
  {
    name: 'field order within a block does not matter',
    input: 'data: x\nevent: late\nid: 9\n\n',
    events: [ev('x', 'late', '9')],
  },
  {
    name: 'id persists to later events',
    input: 'id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n',
    events: [ev('a', 'message', '1'), ev('b', 'message', '1'), ev('c', 'message', '2')],
  },
  {
    name: 'id without data still sets the last event ID',
    input: 'id: 5\n\ndata: x\n\n',
    events: [ev('x', 'message', '5')],
  },
  {
    name: 'id of an unterminated block is not the last event ID',
    input: 'id: 1\ndata: a\n\nid: 2\ndata: b\n',
    events: [ev('a', 'message', '1')],
    lastEventId: '1',
  },
  {
    name: 'id containing NUL is ignored; NUL in data is kept',
    input: 'id: 1\n\nid: a\0b\ndata: x\0y\n\n',
    events: [ev('x\0y', 'message', '1')],
  },
  {
    name: 'empty id resets the last event ID',
    input: 'id: 1\ndata: a\n\nid:\ndata: b\n\n',
    events: [ev('a', 'message', '1'), ev('b')],
  },
  {
    name: 'retry only when all ASCII digits',
    input:
      'retry: 1000\nretry: 1a\nretry: -1\nretry:  5\nretry: 1.5\nretry:\nretry: 0500\ndata: x\n\n',
    events: [ev('x')],
    retries: [1000, 500],
  },
  {
    name: 'comments: colon and one space removed',
    input: ': hello\n:world\n:  two\n:\n: a: b\ndata: x\n\n',
    events: [ev('x')],
    comments: ['hello', 'world', ' two', '', 'a: b'],
  },
  {
    name: 'a comment alone dispatches nothing',
    input: ':heartbeat\n\n:heartbeat\n\n',
    events: [],
    comments: ['heartbeat', 'heartbeat'],
  },
  {
    name: 'unknown fields and wrong case are ignored',
    input: 'foo: bar\nDATA: no\nData: no\n data: no\ndata : no\ndatas: no\ndat: no\ndata: yes\n\n',
    events: [ev('yes')],
  },
  {
    name: 'a field without colon has an empty value',
    input: 'data\ndata\n\nevent\ndata: x\n\n',
    events: [ev('\n'), ev('x')],
  },
  {
    name: 'only one leading space is removed; tabs are kept',
    input: 'data:  two\ndata:\ttab\ndata: trailing  \n\n',
    events: [ev(' two\n\ttab\ntrailing  ')],
  },
  {
    name: 'colons inside values',
    input: 'data: {"a":1,"b":"c:d"}\n\ndata:a: b\n\n',
    events: [ev('{"a":1,"b":"c:d"}'), ev('a: b')],
  },
  {
    name: 'CR line ends',
    input: 'data: a\rdata: b\r\rdata: c\r\r',
    events: [ev('a\nb'), ev('c')],
  },
  {
    name: 'CRLF line ends',
    input: 'data: a\r\ndata: b\r\n\r\nevent: e\r\ndata: c\r\n\r\n',
    events: [ev('a\nb'), ev('c', 'e')],
  },
  {
    name: 'mixed CR, LF and CRLF',
    input: 'data: 1\rdata: 2\n\r\ndata: 3\r\n\ndata: 4\n\rdata: 5\r\r\n',
    events: [ev('1\n2'), ev('3'), ev('4'), ev('5')],
  },
  {
    name: 'blank lines alone dispatch nothing',
    input: '\n\n\r\n\r\r\n\n',
    events: [],
  },
  {
    name: 'unterminated last line is discarded',
    input: 'data: a\n\ndata: b',
    events: [ev('a')],
  },
  {
    name: 'unterminated last block is discarded',
    input: 'data: a\n\ndata: b\n',
    events: [ev('a')],
  },
  {
    name: 'a line of spaces is an unknown field',
    input: '   \ndata: x\n\n',
    events: [ev('x')],
  },
  {
    name: 'one leading BOM is stripped',
    input: bytes([0xef, 0xbb, 0xbf], 'data: a\n\n'),
    events: [ev('a')],
  },
  {
    name: 'a second leading BOM is kept (and spoils the field name)',
    input: bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'data: a\n\ndata: b\n\n'),
    events: [ev('b')],
  },
  {
    name: 'a BOM after the start is kept',
    input: 'data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n',
    events: [ev('a'), ev('\uFEFFc')],
  },
  {
    name: 'multi-byte UTF-8: 2, 3 and 4 bytes, emoji',
    input: 'id: ünï\nevent: ñ\ndata: é€𝄞 😀 中文 👩‍👩‍👧\n\n',
    events: [ev('é€𝄞 😀 中文 👩‍👩‍👧', 'ñ', 'ünï')],
  },
  {
    name: 'invalid UTF-8 becomes U+FFFD',
    input: bytes(
      'data: a',
      [0xff],
      'b',
      [0xc3],
      '\ndata: ',
      [0xe0, 0x80],
      'A',
      [0xed, 0xa0, 0x80],
      'B',
      [0xf0, 0x9f, 0x98],
      '\n\n',
    ),
    events: [ev('a\uFFFDb\uFFFD\n\uFFFD\uFFFDA\uFFFD\uFFFD\uFFFDB\uFFFD')],
  },
  {
    name: 'many events in a row',
    input: Array.from({ length: 20 }, (_, i) => `id: ${i}\ndata: ${'x'.repeat(i)}\n\n`).join(''),
    events: Array.from({ length: 20 }, (_, i) => ev('x'.repeat(i), 'message', String(i))),
  },
];
