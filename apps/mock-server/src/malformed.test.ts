import { formatEvent } from '@ssekit/server';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { createMalformer } from './malformed';

function parseAll(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(text);
  return events;
}

describe('createMalformer', () => {
  it('keeps every event intact for a spec-exact parser', () => {
    const malform = createMalformer('1');
    const clean: string[] = [];
    let messy = '';
    for (let i = 1; i <= 200; i++) {
      const event = formatEvent({ event: 'quote', id: i, data: { i, text: 'a\nb' } });
      clean.push(event);
      messy += malform(event);
    }
    expect(messy).not.toBe(clean.join(''));
    expect(messy).toContain('\r');
    expect(messy).toContain('bogus');
    const expected = parseAll(clean.join(''));
    expect(expected).toHaveLength(200);
    expect(parseAll(messy)).toEqual(expected);
  });

  it('is deterministic for a seed', () => {
    const event = formatEvent({ event: 'x', id: 1, data: 'y' });
    const a = createMalformer('s');
    const b = createMalformer('s');
    for (let i = 0; i < 20; i++) expect(a(event)).toBe(b(event));
  });
});
