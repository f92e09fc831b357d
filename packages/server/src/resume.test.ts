import { connect, type SSEEvent } from '@ssekit/core';
import { startServer, type TestServer, until } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createChannel } from './channel';
import type { Session } from './session';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('resume with the @ssekit/core client', () => {
  it('loses and repeats nothing across a drop: the client resumes from history', async () => {
    const channel = createChannel();
    const sessions: Session[] = [];
    server = await startServer((req, res) => {
      sessions.push(channel.handle(req, res, { heartbeatMs: 0, retry: 10 }));
    });
    const stream = connect(server.url, { retry: { initialMs: 10, maxMs: 20, jitter: 0 } });
    const got: SSEEvent[] = [];
    stream.on('*', (e) => got.push(e));
    await until(() => channel.size === 1);
    for (let i = 1; i <= 5; i++) channel.publish({ data: i });
    await until(() => got.length === 5);

    sessions[0]!.close(); // dropped (e.g. evicted as too slow)
    await until(() => channel.size === 0);
    for (let i = 6; i <= 10; i++) channel.publish({ data: i });
    await until(() => channel.size === 1);
    channel.publish({ data: 11 });
    await until(() => got.length === 11);

    const id = (n: number) => `${channel.history.epoch}-${n}`;
    expect(server.requests[1]?.headers['last-event-id']).toBe(id(5));
    expect(got.map((e) => e.id)).toEqual(Array.from({ length: 11 }, (_, i) => id(i + 1)));
    expect(got.map((e) => e.data)).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 1)));
    stream.close();
  });

  it('shows a client that fell too far behind a reset event before what is retained', async () => {
    const channel = createChannel({ historySize: 3 });
    for (let i = 1; i <= 10; i++) channel.publish({ data: i });
    server = await startServer((req, res) => {
      channel.handle(req, res, { heartbeatMs: 0 });
    });
    const id = (n: number) => `${channel.history.epoch}-${n}`;
    const stream = connect(server.url, { lastEventId: id(2) });
    const got: SSEEvent[] = [];
    stream.on('*', (e) => got.push(e));
    await until(() => got.length === 4);
    expect(got[0]).toMatchObject({
      event: 'reset',
      data: JSON.stringify({ oldestId: id(8), latestId: id(10) }),
    });
    expect(got.slice(1).map((e) => e.id)).toEqual([id(8), id(9), id(10)]);
    stream.close();
  });
});
