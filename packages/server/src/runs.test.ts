import type { IncomingMessage, ServerResponse } from 'node:http';
import { RUN_ID_HEADER } from '@ssekit/core';
import { gated, startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryRunStore } from './run-store';
import { createRuns, type Generate, type Runs } from './runs';
import { openStream } from './test-helpers';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function serveRuns(generate: Generate, runs: Runs = createRuns()) {
  const seen: Array<{ method: string; at: number }> = [];
  const server: TestServer = await startServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? '', at: Date.now() });
    return runs.handle(req, res, generate, { heartbeatMs: 0 });
  });
  cleanups.push(
    () => server.close(),
    () => runs.close(),
  );
  return { server, runs, seen };
}

const tokens = (events: Array<{ event?: string; data: string }>) =>
  events.filter((e) => e.event === 'token').map((e) => JSON.parse(e.data).text as string);

describe('createRuns (memory store)', () => {
  it('streams a run with ids <run>:<seq>, announced first, and ends after its final event', async () => {
    const gen = gated(3);
    gen.release(3);
    const { server } = await serveRuns(gen.generate);
    const stream = await openStream(server.url);
    await stream.ended;
    const [first, ...rest] = stream.events;
    expect(first?.event).toBe('ssekit-run');
    const runId = JSON.parse(first?.data ?? '{}').id as string;
    expect(first?.id).toBe(`${runId}:0`);
    expect(rest.map((e) => e.id)).toEqual([1, 2, 3, 4, 5].map((n) => `${runId}:${n}`));
    expect(tokens(rest)).toEqual(['t1 ', 't2 ', 't3 ']);
    expect(JSON.parse(rest.at(-1)?.data ?? '{}')).toEqual({ id: runId, state: 'done' });
  });

  it('goes on when its client drops; a join replays after Last-Event-ID, then live, once each', async () => {
    const gen = gated(6);
    gen.release(2);
    const { server, runs } = await serveRuns(gen.generate);
    const first = await openStream(server.url, {});
    await first.until(() => tokens(first.events).length === 2);
    const runId = JSON.parse(first.events[0]?.data ?? '{}').id as string;
    first.close();
    gen.release(4); // produced while nobody listens
    await new Promise<void>((resolve) => {
      const check = () => (gen.log.length >= 4 ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(runs.size).toBe(1);
    const joined = await openStream(server.url, { 'last-event-id': `${runId}:2` });
    await joined.until(() => tokens(joined.events).length === 2);
    gen.release(6);
    await joined.ended;
    expect(joined.events[0]).toMatchObject({ event: 'ssekit-run', id: `${runId}:2` });
    expect(tokens(joined.events)).toEqual(['t3 ', 't4 ', 't5 ', 't6 ']);
    expect(runs.size).toBe(0);
    // Joined again at its end: nothing more (204); an unknown run: 404.
    const end = await fetch(server.url, { headers: { 'last-event-id': `${runId}:8` } });
    expect(end.status).toBe(204);
    const unknown = await fetch(server.url, { headers: { 'last-event-id': 'nope:1' } });
    expect(unknown.status).toBe(404);
  });

  it('a DELETE naming the run cancels it (not a disconnect); the generation sees it at once', async () => {
    const gen = gated(100);
    gen.release(1);
    const { server, seen } = await serveRuns(gen.generate);
    const stream = await openStream(server.url);
    await stream.until(() => tokens(stream.events).length === 1);
    const runId = JSON.parse(stream.events[0]?.data ?? '{}').id as string;
    const response = await fetch(server.url, {
      method: 'DELETE',
      headers: { [RUN_ID_HEADER]: runId },
    });
    expect(response.status).toBe(204);
    await stream.ended;
    expect(JSON.parse(stream.events.at(-1)?.data ?? '{}')).toEqual({
      id: runId,
      state: 'cancelled',
    });
    const deleted = seen.find((s) => s.method === 'DELETE')?.at ?? 0;
    const aborted = gen.log.find((l) => l.what === 'aborted')?.at ?? Number.POSITIVE_INFINITY;
    expect(aborted - deleted).toBeLessThan(100);
    expect(gen.log.map((l) => l.what)).toEqual(['token 1', 'aborted']);
  });

  it('a run that throws ends failed with its message; one past maxEvents fails too', async () => {
    const { server } = await serveRuns(async ({ send }) => {
      await send({ data: 'a' });
      throw new Error('model unavailable');
    });
    const failed = await openStream(server.url);
    await failed.ended;
    expect(JSON.parse(failed.events.at(-1)?.data ?? '{}')).toMatchObject({
      state: 'failed',
      message: 'model unavailable',
    });
    const small = createRuns({ store: memoryRunStore(), maxEvents: 2 });
    const { server: bounded } = await serveRuns(async function* () {
      for (let i = 0; i < 10; i++) yield { data: i };
    }, small);
    const over = await openStream(bounded.url);
    await over.ended;
    expect(over.events.filter((e) => e.event !== 'ssekit-run').map((e) => e.data)).toEqual([
      '0',
      '1',
    ]);
    expect(JSON.parse(over.events.at(-1)?.data ?? '{}').message).toMatch(/maxEvents/);
  });
});
