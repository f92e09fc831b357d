import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { ContentTypeError, HttpError, SSEError } from './errors';
import { eventSourceTransport } from './eventsource-transport';
import { withQueryParam } from './request';
import { nextError, nextEvents, openStream, sse, untilStatus } from './test/helpers';
import type { EventStream, StreamStatus } from './types';

let server: TestServer | undefined;
let stream: EventStream | undefined;
afterEach(async () => {
  stream?.close();
  await server?.close();
  stream = server = undefined;
});

describe('connect (fetch transport)', () => {
  it('receives events by name and with "*", and sends the SSE request headers', async () => {
    server = await startServer((_req, res) => {
      openStream(res, sse({ id: 1, data: 'hello' }) + sse({ id: 2, event: 'tick', data: 'a\nb' }));
    });
    stream = connect(`${server.url}/s`);
    const statuses: StreamStatus[] = [];
    stream.onStatus((s) => statuses.push(s));
    const ticks: string[] = [];
    stream.on('tick', (e) => ticks.push(e.data));
    const all = await nextEvents(stream, 2);
    expect(all).toEqual([
      { event: 'message', data: 'hello', id: '1' },
      { event: 'tick', data: 'a\nb', id: '2' },
    ]);
    expect(ticks).toEqual(['a\nb']);
    expect(stream.status).toBe('open');
    expect(stream.lastEventId).toBe('2');
    expect(statuses).toEqual(['open']);
    const req = server.requests[0];
    expect(req?.method).toBe('GET');
    expect(req?.headers.accept).toBe('text/event-stream');
    expect(req?.headers['last-event-id']).toBeUndefined();
  });

  it('sends the lastEventId option on the first request', async () => {
    server = await startServer((_req, res) => openStream(res, sse({ data: 'x' })));
    stream = connect(server.url, { lastEventId: '41' });
    await nextEvents(stream, 1);
    expect(server.requests[0]?.headers['last-event-id']).toBe('41');
  });

  it('with lastEventIdParam, resumes with a query parameter instead of the header', async () => {
    let resumed!: () => void;
    const second = new Promise<void>((resolve) => {
      resumed = resolve;
    });
    server = await startServer((_req, res) => {
      if (server?.requests.length === 1) {
        writeSSEHead(res);
        res.end(sse({ id: 'a b', data: 'x' }));
      } else {
        openStream(res);
        resumed();
      }
    });
    stream = connect(`${server.url}/s?q=1#h`, {
      lastEventIdParam: 'last',
      retry: { initialMs: 1, jitter: 0 },
    });
    await second;
    const [first, again] = server.requests;
    expect(first?.url).toBe('/s?q=1');
    expect(again?.url).toBe('/s?q=1&last=a%20b');
    expect(again?.headers['last-event-id']).toBeUndefined();
  });

  it('withQueryParam sets one parameter and keeps the rest as written', () => {
    expect(withQueryParam('/s', 'id', '7')).toBe('/s?id=7');
    expect(withQueryParam('/s?a=b+c&id=1&id=2#x', 'id', '7')).toBe('/s?a=b+c&id=7#x');
    expect(withQueryParam('http://h/s?', 'last id', '1/2')).toBe('http://h/s?last%20id=1%2F2');
    expect(withQueryParam('/s?a=1', 'id', '')).toBe('/s?a=1');
  });

  it('uses a custom fetch', async () => {
    server = await startServer((_req, res) => openStream(res, sse({ data: 'x' })));
    const seen: string[] = [];
    const myFetch: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    stream = connect(`${server.url}/custom`, { fetch: myFetch });
    await nextEvents(stream, 1);
    expect(seen).toEqual([`${server.url}/custom`]);
  });

  it('stops on HTTP 204 without an error and without retrying', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    stream = connect(server.url, { retry: { initialMs: 1 } });
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeNull();
    expect(server.requests).toHaveLength(1);
  });

  it('treats 404 as fatal: one request, an HttpError with status and body', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no such stream ${'x'.repeat(5000)}`);
    });
    stream = connect(server.url, { retry: { initialMs: 1 } });
    const errors: Error[] = [];
    stream.onError((e) => errors.push(e));
    await untilStatus(stream, 'closed');
    const error = stream.error as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(404);
    expect(error.fatal).toBe(true);
    expect(error.body.startsWith('no such stream')).toBe(true);
    expect(error.body.length).toBeLessThanOrEqual(1024);
    expect(errors).toEqual([error]);
    expect(server.requests).toHaveLength(1);
  });

  it('treats a 200 with another content type as fatal (ContentTypeError)', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"not":"a stream"}');
    });
    stream = connect(server.url, { retry: { initialMs: 1 } });
    await untilStatus(stream, 'closed');
    expect(stream.error).toBeInstanceOf(ContentTypeError);
    expect((stream.error as ContentTypeError).contentType).toBe('application/json');
    expect(server.requests).toHaveLength(1);
  });

  it('accepts a content type with parameters', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'Text/Event-Stream; charset=utf-8' });
      res.write(sse({ data: 'ok' }));
    });
    stream = connect(server.url);
    expect((await nextEvents(stream, 1))[0]?.data).toBe('ok');
  });

  it('POSTs a body with headers from a function called for every connection', async () => {
    // Each response drops after one event with an ID: a resumable POST is sent again with it.
    server = await startServer((req, res) => {
      writeSSEHead(res);
      const from = Number(req.headers['last-event-id'] ?? 0);
      res.write(sse({ id: from + 1, data: req.headers.authorization ?? '' }), () =>
        res.socket?.destroy(),
      );
    });
    let token = 0;
    stream = connect(server.url, {
      method: 'POST',
      body: '{"prompt":"hi"}',
      headers: async () => ({
        authorization: `Bearer t${++token}`,
        'content-type': 'application/json',
      }),
      retry: { initialMs: 1, jitter: 0 },
    });
    const events = await nextEvents(stream, 3);
    expect(events.map((e) => e.data)).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t3']);
    const reqs = server.requests.slice(0, 3);
    expect(reqs.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
    expect(reqs.map((r) => r.body)).toEqual(Array(3).fill('{"prompt":"hi"}'));
    expect(reqs.map((r) => r.headers['last-event-id'])).toEqual([undefined, '1', '2']);
    expect(reqs[0]?.headers['content-type']).toBe('application/json');
  });

  it('retries when the headers function fails, and stops when it throws a fatal SSEError', async () => {
    server = await startServer((_req, res) => openStream(res, sse({ data: 'in' })));
    let calls = 0;
    stream = connect(server.url, {
      headers: () => {
        calls++;
        if (calls === 1) throw new Error('token service down');
        return { authorization: 'Bearer ok' };
      },
      retry: { initialMs: 1 },
    });
    expect((await nextEvents(stream, 1))[0]?.data).toBe('in');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer ok');
    stream.close();

    const loggedOut = new SSEError('logged-out', 'Sign in again');
    stream = connect(server.url, {
      headers: () => {
        throw loggedOut;
      },
    });
    await untilStatus(stream, 'closed');
    expect(stream.error).toBe(loggedOut);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an event over maxEventBytes without closing the stream', async () => {
    server = await startServer((_req, res) => {
      openStream(res, sse({ data: 'y'.repeat(200) }) + sse({ id: 7, data: 'small' }));
    });
    stream = connect(server.url, { maxEventBytes: 64 });
    const error = nextError(stream);
    const [event] = await nextEvents(stream, 1);
    expect(await error).toMatchObject({ code: 'event-too-large' });
    expect(event).toEqual({ event: 'message', data: 'small', id: '7' });
    expect(stream.status).toBe('open');
    expect(stream.error).toBeInstanceOf(SSEError);
  });

  it('rejects a request that could never be sent, before sending anything', () => {
    expect(() => connect('/x', { body: 'x' })).toThrow(/GET request cannot have a body/);
    expect(() => connect('/x', { method: 'head', body: 'x' })).toThrow(SSEError);
    expect(() => connect('/x', { method: 'POST', body: new ReadableStream() })).toThrow(
      /only once/,
    );
  });

  it('rejects requests the eventsource transport cannot make', () => {
    expect(() => connect('/x', { transport: eventSourceTransport, method: 'POST' })).toThrow(
      SSEError,
    );
    expect(() => connect('/x', { transport: eventSourceTransport, headers: { a: 'b' } })).toThrow(
      /EventSource/,
    );
  });
});
