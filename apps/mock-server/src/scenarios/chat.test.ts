import { parseRunEventId, RUN_ID_HEADER } from '@ssekit/core';
import { describe, expect, it } from 'vitest';
import { collect, ids, range, readRaw, useMockServer, waitFor } from '../test/helpers';
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

  it('?run=1 serves a run: responses dropped by dropAfter are joined by ID, every token once', async () => {
    const plain = await collect(url('/sse/chat?rate=5000&prompt=runs'), 10_000);
    const run = await collect(url('/sse/chat?run=1&rate=2000&dropAfter=7&prompt=runs'), 10_000);
    expect(run.error).toBeNull();
    expect(run.opens).toBeGreaterThan(2);
    expect(text(run.events)).toBe(text(plain.events));
    const seqs = run.events
      .filter((e) => e.event !== 'ssekit-run')
      .map((e) => parseRunEventId(e.id)?.seq);
    expect(seqs).toEqual(range(1, seqs.length).map(Number));
    expect(JSON.parse(run.events.at(-1)?.data ?? '{}').state).toBe('done');
  });

  it('?run=1: the run goes on without its client, and DELETE with its ID cancels it', async () => {
    const stats = server().mock.stats;
    const { text: head } = await readRaw(url('/sse/chat?run=1&rate=100&prompt=long'), (t) =>
      t.includes('event: token'),
    );
    const runId = /id: ([\w-]+):0/.exec(head)?.[1] ?? '';
    const before = stats.tokensGenerated;
    await waitFor(() => stats.tokensGenerated >= before + 3); // no client, still generating
    const cancel = await fetch(url('/sse/chat'), {
      method: 'DELETE',
      headers: { [RUN_ID_HEADER]: runId },
    });
    expect(cancel.status).toBe(204);
    const joined = await collect(url('/sse/chat?run=1'), 10_000, {
      lastEventId: `${runId}:0`,
    });
    expect(JSON.parse(joined.events.at(-1)?.data ?? '{}')).toEqual({
      id: runId,
      state: 'cancelled',
    });
    const unknown = await fetch(url('/sse/chat?run=1'), { headers: { 'last-event-id': 'x:1' } });
    expect(unknown.status).toBe(404);
  });

  it('rejects a bad body with 400', async () => {
    const res = await fetch(url('/sse/chat'), { method: 'POST', body: '{nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain('Invalid body');
  });
});
