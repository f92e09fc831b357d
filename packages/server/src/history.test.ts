import { describe, expect, it } from 'vitest';
import { createHistory } from './history';

describe('createHistory', () => {
  it('assigns increasing IDs and returns exactly what came after an ID', () => {
    const h = createHistory({ size: 5 });
    for (let i = 1; i <= 3; i++) expect(h.push({ data: i })).toBe(String(i));
    expect(h.since('1')).toEqual({
      events: [
        { id: '2', data: 2 },
        { id: '3', data: 3 },
      ],
    });
    expect(h.since('3')).toEqual({ events: [] });
  });

  it('drops the oldest past its size and reports a reset for IDs it no longer has', () => {
    const h = createHistory({ size: 3 });
    for (let i = 1; i <= 7; i++) h.push({ data: i });
    expect(h.size).toBe(3);
    expect([h.oldestId, h.latestId]).toEqual(['5', '7']);
    expect(h.since('5')).toEqual({
      events: [
        { id: '6', data: 6 },
        { id: '7', data: 7 },
      ],
    });
    const stale = h.since('2');
    expect(stale).toMatchObject({ reset: true, oldestId: '5', latestId: '7' });
    expect(stale.events.map((e) => e.id)).toEqual(['5', '6', '7']);
    expect(h.since('nope')).toMatchObject({ reset: true, oldestId: '5' });
  });

  it('keeps custom IDs and continues numbering after numeric ones', () => {
    const h = createHistory({ size: 10 });
    expect(h.push({ id: 'alpha', data: 'a' })).toBe('alpha');
    expect(h.push({ id: 41, data: 'b' })).toBe('41');
    expect(h.push({ data: 'c' })).toBe('42');
    expect(h.since('alpha').events.map((e) => e.data)).toEqual(['b', 'c']);
  });

  it('reports a reset with nothing retained when empty', () => {
    expect(createHistory({ size: 4 }).since('9')).toEqual({
      reset: true,
      oldestId: undefined,
      latestId: undefined,
      events: [],
    });
  });
});
