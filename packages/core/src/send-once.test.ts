import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { SSEError } from './errors';
import { sse, untilStatus } from './test/helpers';
import type { EventStream } from './types';

let server: TestServer | undefined;
let stream: EventStream | undefined;
afterEach(async () => {
  stream?.close();
  await server?.close();
});

const post = { method: 'POST', body: '{"prompt":"hi"}', retry: { initialMs: 1, jitter: 0 } };

describe('a non-GET request is never sent again by itself', () => {
  it('a POST answer that ends normally is finished: closed, no error, one request', async () => {
    server = await startServer((_req, res) => {
      writeSSEHead(res);
      res.end(sse({ id: '1', data: 'whole answer' }));
    });
    stream = connect(server.url, post);
    const data: string[] = [];
    stream.on('*', (e) => data.push(e.data));
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    expect(data).toEqual(['whole answer']);
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('a POST that drops mid-stream without an event ID ends with not-resumable, not a re-POST', async () => {
    server = await startServer((_req, res) => {
      writeSSEHead(res);
      res.write(sse({ data: 'half' }), () => res.socket?.destroy());
    });
    stream = connect(server.url, post);
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeInstanceOf(SSEError);
    expect(stream.error).toMatchObject({ code: 'not-resumable', fatal: true });
    expect(server.requests).toHaveLength(1);
  });

  it('a POST that drops after the server sent IDs resumes with Last-Event-ID, once', async () => {
    server = await startServer((req, res) => {
      writeSSEHead(res);
      if (req.headers['last-event-id'] === undefined) {
        res.write(sse({ id: '7', data: 'first' }), () => res.socket?.destroy());
      } else res.end(sse({ id: '8', data: 'rest' }));
    });
    stream = connect(server.url, post);
    const data: string[] = [];
    stream.on('*', (e) => data.push(e.data));
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    expect(data).toEqual(['first', 'rest']);
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '7']);
  });

  it('a POST refused before any stream (503) is retried: nothing was answered yet', async () => {
    server = await startServer((_req, res) => {
      if (server?.requests.length === 1) return void res.writeHead(503).end('busy');
      writeSSEHead(res);
      res.end(sse({ data: 'ok' }));
    });
    stream = connect(server.url, post);
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('a GET stream that ends normally still reconnects (a feed, not an answer)', async () => {
    server = await startServer((_req, res) => {
      writeSSEHead(res);
      res.end(sse({ data: 'tick' }));
    });
    stream = connect(server.url, { retry: { initialMs: 1, jitter: 0 } });
    await untilStatus(stream, 'reconnecting');
    await new Promise<void>((resolve) => {
      const check = () => (server!.requests.length >= 2 ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(server.requests.slice(0, 2).map((r) => r.method)).toEqual(['GET', 'GET']);
  });
});
