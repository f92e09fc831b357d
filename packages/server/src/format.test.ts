import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { formatComment, formatEvent, SSEFormatError } from './format';

function parse(text: string) {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const parser = createParser({
    onEvent: (e) => events.push(e),
    onComment: (c) => comments.push(c),
  });
  parser.feed(text);
  return { events, comments };
}

describe('formatEvent', () => {
  it('writes fields in order and ends with a blank line', () => {
    expect(formatEvent({ event: 'tick', id: 7, retry: 500, data: 'hi' })).toBe(
      'event: tick\nid: 7\nretry: 500\ndata: hi\n\n',
    );
  });

  it('sends retry or a comment alone without the blank line that would dispatch an empty message', async () => {
    expect(formatEvent({ retry: 2000 })).toBe('retry: 2000\n');
    expect(formatEvent({ comment: 'hi', retry: 5 })).toBe(': hi\nretry: 5\n');
    expect(formatEvent({ id: 'e-1' })).toBe('id: e-1\n\n');
    // What fetch-event-source hands its onmessage for a retry block followed by one event.
    const { getLines, getMessages } = await import(
      '@microsoft/fetch-event-source/lib/esm/parse.js'
    );
    const messages: { data: string }[] = [];
    const retries: number[] = [];
    const feed = getLines(
      getMessages(
        () => {},
        (r: number) => retries.push(r),
        (m: { data: string }) => messages.push(m),
      ),
    );
    feed(new TextEncoder().encode(formatEvent({ retry: 2000 }) + formatEvent({ data: 'x' })));
    expect(retries).toEqual([2000]);
    expect(messages.map((m) => m.data)).toEqual(['x']);
  });

  it('JSON-encodes data that is not a string', () => {
    expect(formatEvent({ data: { a: [1, 'x'] } })).toBe('data: {"a":[1,"x"]}\n\n');
    expect(formatEvent({ data: 42 })).toBe('data: 42\n\n');
  });

  it('splits CR, LF and CRLF data into data lines that parse back joined with LF', () => {
    const text = formatEvent({ data: 'a\rb\nc\r\nd\n\ne' });
    expect(text).toBe('data: a\ndata: b\ndata: c\ndata: d\ndata:\ndata: e\n\n');
    expect(parse(text).events.map((e) => e.data)).toEqual(['a\nb\nc\nd\n\ne']);
  });

  it('cannot be broken by hostile data: one event, same data', () => {
    const hostile = 'x\n\nevent: evil\nid: 999\ndata: injected\r\n\r\n: c\rretry: 1';
    const { events } = parse(
      formatEvent({ event: 'safe', data: hostile }) + formatEvent({ data: 'next' }),
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ event: 'safe', data: hostile.replace(/\r\n|\r/g, '\n') });
    expect(events[0]?.id).toBeUndefined();
    expect(events[1]?.data).toBe('next');
  });

  it('keeps leading spaces and empty strings', () => {
    expect(parse(formatEvent({ data: '  two' })).events[0]?.data).toBe('  two');
    expect(parse(formatEvent({ data: '' })).events[0]?.data).toBe('');
  });

  it('rejects CR, LF or NUL in event and id, and a bad retry', () => {
    for (const bad of ['a\nb', 'a\rb', 'a\0b']) {
      expect(() => formatEvent({ event: bad })).toThrow(SSEFormatError);
      expect(() => formatEvent({ id: bad })).toThrow(SSEFormatError);
    }
    for (const retry of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formatEvent({ retry })).toThrow(SSEFormatError);
    }
  });

  it('rejects data that JSON cannot represent', () => {
    expect(() => formatEvent({ data: () => 1 })).toThrow(SSEFormatError);
  });

  it('writes multi-line comments as comment lines', () => {
    const text = formatEvent({ comment: 'one\ntwo', data: 'x' });
    expect(text).toBe(': one\n: two\ndata: x\n\n');
    expect(parse(text).comments).toEqual(['one', 'two']);
    expect(formatComment()).toBe(':\n');
  });
});
