import { describe, expect, it } from 'vitest';
import { collect, ids, range, useMockServer, waitFor } from '../test/helpers';
import { chatFeed, XSS_TEXT } from './chat';

const server = useMockServer();
const url = (path: string) => `${server().url}${path}`;
const post = (prompt: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ prompt }),
});
const text = (events: Array<{ event: string; data: string }>) =>
  events
    .filter((e) => e.event === 'token')
    .map((e) => JSON.parse(e.data).text)
    .join('');

const countTokens = (feed: ReturnType<typeof chatFeed>) => {
  let n = 0;
  for (let msg = feed(); msg; msg = feed()) if (msg.event === 'token') n++;
  return n;
};

describe('chat', () => {
  it('streams a markdown answer in small tokens, then `done`', async () => {
    const { events, error } = await collect(
      url('/sse/chat?rate=5000'),
      10_000,
      post('What is SSE?'),
    );
    expect(error).toBeNull();
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(JSON.parse(done.data)).toEqual({ finishReason: 'stop' });
    expect(ids(events)).toEqual(range(1, events.length));
    const tokens = events.slice(0, -1).map((e) => JSON.parse(e.data).text as string);
    expect(tokens.every((t) => t.length >= 1 && t.trim().length <= 5)).toBe(true);
    const answer = text(events);
    expect(answer).toContain('**What is SSE?**');
    expect(answer).toMatch(/\n\n```\w+\n[\s\S]+\n```/);
    expect(answer).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(answer).toMatch(/\n(- |1\. )/);
    expect(answer).toMatch(/(^|\s)[*_][^*_\s][^*_]*[*_]/);
  });

  it('answers GET ?prompt= the same as POST, deterministically', async () => {
    const a = await collect(url('/sse/chat?rate=5000&prompt=Hello'), 10_000);
    const b = await collect(url('/sse/chat?rate=5000'), 10_000, post('Hello'));
    expect(text(a.events)).toBe(text(b.events));
    expect(a.events.map((e) => e.data)).toEqual(b.events.map((e) => e.data));
  });

  it('limits the answer with ?tokens= and embeds an XSS payload as text with ?payload=xss', async () => {
    const short = await collect(url('/sse/chat?rate=5000&tokens=5&prompt=x'), 100);
    expect(short.events.map((e) => e.event)).toEqual([
      'token',
      'token',
      'token',
      'token',
      'token',
      'done',
    ]);
    const xss = await collect(url('/sse/chat?rate=5000&payload=xss&prompt=x'), 10_000);
    expect(text(xss.events)).toContain(XSS_TEXT);
    expect(XSS_TEXT).toContain('<img src=x onerror=alert(1)>');
    expect(XSS_TEXT).toContain('<script>alert(1)</script>');
  });

  it('stops generating when the client aborts', async () => {
    const stats = server().mock.stats;
    await waitFor(() => stats.activeStreams === 0);
    const total = countTokens(chatFeed('1', 'long', {}));
    const before = stats.tokensGenerated;
    const { events } = await collect(url('/sse/chat?rate=50&prompt=long'), 3);
    expect(events).toHaveLength(3);
    await waitFor(() => stats.activeStreams === 0);
    const after = stats.tokensGenerated;
    expect(after - before).toBeGreaterThanOrEqual(3);
    expect(after - before).toBeLessThan(total / 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(stats.tokensGenerated).toBe(after);
  });

  it('rejects a bad body with 400', async () => {
    const res = await fetch(url('/sse/chat'), { method: 'POST', body: '{nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain('Invalid body');
  });
});
