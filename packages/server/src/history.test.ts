import { describe, expect, it } from 'vitest';
import { createHistory } from './history';

describe('createHistory', () => {
  it('assigns increasing IDs and returns exactly what came after an ID', () => {
    const h = createHistory({ size: 5, epoch: '' });
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
    const h = createHistory({ size: 3, epoch: '' });
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
    const h = createHistory({ size: 10, epoch: '' });
    expect(h.push({ id: 'alpha', data: 'a' })).toBe('alpha');
    expect(h.push({ id: 41, data: 'b' })).toBe('41');
    expect(h.push({ data: 'c' })).toBe('42');
    expect(h.since('alpha').events.map((e) => e.data)).toEqual(['b', 'c']);
  });

  it('prefixes every assigned ID with its epoch, new for each history, so another one never matches', () => {
    const before = createHistory({ size: 10 });
    for (let i = 1; i <= 20; i++) before.push({ data: i });
    expect(before.epoch).toMatch(/^[0-9a-z]{8}$/);
    expect(before.latestId).toBe(`${before.epoch}-20`);
    // The process restarts: a new history numbers from 1 again, under another epoch.
    const after = createHistory({ size: 10 });
    expect(after.epoch).not.toBe(before.epoch);
    for (let i = 1; i <= 30; i++) after.push({ data: `new ${i}` });
    const resumed = after.since(`${before.epoch}-13`);
    expect(resumed).toMatchObject({ reset: true, oldestId: `${after.epoch}-21` });
    expect(after.since(`${after.epoch}-28`).events.map((e) => e.id)).toEqual([
      `${after.epoch}-29`,
      `${after.epoch}-30`,
    ]);
    expect(after.nextId()).toBe(`${after.epoch}-31`);
  });

  it('continues numbering after a given ID of its own epoch, and rejects an epoch with a dash', () => {
    const h = createHistory({ size: 4, epoch: 'abc' });
    h.push({ id: 'abc-41', data: 'x' });
    expect(h.push({ data: 'y' })).toBe('abc-42');
    expect(() => createHistory({ size: 1, epoch: 'a-b' })).toThrow(RangeError);
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
