import { describe, expect, it } from 'vitest';
import { collect, ids, range, useMockServer } from '../test/helpers';

const server = useMockServer();
const url = (path: string) => `${server().url}${path}`;

describe('logs', () => {
  it('streams `lines` coloured log lines, then `end`, then 204 on reconnect', async () => {
    const { events, error, opens } = await collect(
      url('/sse/logs?rate=1000&lines=50&seed=1'),
      1000,
    );
    expect(ids(events)).toEqual(range(1, 51));
    const lines = events.slice(0, 50).map((e) => JSON.parse(e.data));
    expect(events.slice(0, 50).every((e) => e.event === 'log')).toBe(true);
    expect(lines.map((l) => l.line)).toEqual(range(1, 50).map(Number));
    expect(new Set(lines.map((l) => l.level))).toEqual(new Set(['debug', 'info', 'warn']));
    expect(lines.every((l) => /\u001b\[\d+m.*\u001b\[0m/.test(l.text))).toBe(true);
    const end = events[50]!;
    expect(end.event).toBe('end');
    expect(JSON.parse(end.data)).toEqual({ status: 'success' });
    // After `end` the server closes; the client's resume gets 204 and stops without an error.
    expect(error).toBeNull();
    expect(opens).toBe(1);
  });

  it('reports `failed` when an error line was logged', async () => {
    const { events } = await collect(url('/sse/logs?rate=5000&lines=400&seed=3'), 1000);
    const levels = events.slice(0, -1).map((e) => JSON.parse(e.data).level);
    expect(levels).toContain('error');
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ status: 'failed' });
  });

  it('resumes far into the log at once: the line after the resume point comes first', async () => {
    const [first] = (await collect(url('/sse/logs?rate=1000'), 1)).events;
    const far = encodeURIComponent(first!.id.replace(/-1$/, '-999999'));
    const { events } = await collect(url(`/sse/logs?rate=1000&lastEventId=${far}`), 2);
    expect(ids(events)).toEqual(['1000000', '1000001']);
    expect(JSON.parse(events[0]!.data).line).toBe(1_000_000);
    // The same line as a client that streamed all the way would have got.
    const again = await collect(url(`/sse/logs?rate=1000&lastEventId=${far}`), 1);
    expect(JSON.parse(again.events[0]!.data).text).toBe(JSON.parse(events[0]!.data).text);
  });

  it('is endless without `lines`', async () => {
    const { events } = await collect(url('/sse/logs?rate=5000'), 300);
    expect(events.every((e) => e.event === 'log')).toBe(true);
  });
});
