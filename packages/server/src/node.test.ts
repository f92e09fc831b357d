import { once } from 'node:events';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { startServer, type TestServer } from '@ssekit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './node';
import type { Session, SessionOptions } from './session';
import { openStream, rawRequest } from './test-helpers';

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** A server whose every request becomes a session; resolves sessions in order. */
async function sessionServer(options: SessionOptions = {}) {
  const sessions: Session[] = [];
  const waiting: ((s: Session) => void)[] = [];
  server = await startServer((req, res) => {
    const session = createSession(req, res, options);
    sessions.push(session);
    waiting.shift()?.(session);
  });
  const next = () =>
    new Promise<Session>((resolve) => {
      const ready = sessions[sessions.length - 1];
      if (ready && !taken.has(ready)) {
        taken.add(ready);
        resolve(ready);
      } else
        waiting.push((s) => {
          taken.add(s);
          resolve(s);
        });
    });
  const taken = new Set<Session>();
  return { server, next };
}

describe('createSession (http)', () => {
  it('answers with SSE headers and sends retry, events and comments', async () => {
    const { server, next } = await sessionServer({ retry: 1500, heartbeatMs: 0 });
    const stream = await openStream(`${server.url}/`);
    const session = await next();
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.response.headers.get('connection')).toBe('keep-alive');
    expect(session.send({ event: 'a', id: 1, data: { n: 1 } })).toBe(true);
    session.comment('hello');
    session.writeRaw('data: raw\n\n');
    await stream.until(() => stream.events.length === 2);
    expect(stream.retries).toEqual([1500]);
    expect(stream.comments).toEqual(['hello']);
    expect(stream.events).toEqual([
      { event: 'a', id: '1', data: '{"n":1}' },
      { event: undefined, id: undefined, data: 'raw' },
    ]);
    session.close();
    await stream.ended;
    expect(session.closed).toBe(true);
    expect(session.send({ data: 'late' })).toBe(false);
  });

  it('reads Last-Event-ID from the header, else the query, and ignores overlong ones', async () => {
    const { server, next } = await sessionServer({ heartbeatMs: 0, maxLastEventIdLength: 8 });
    const a = await openStream(`${server.url}/`, { 'last-event-id': '42' });
    expect((await next()).lastEventId).toBe('42');
    const b = await openStream(`${server.url}/?lastEventId=7`);
    expect((await next()).lastEventId).toBe('7');
    const c = await openStream(`${server.url}/`, { 'last-event-id': '123456789' });
    expect((await next()).lastEventId).toBeUndefined();
    for (const s of [a, b, c]) s.close();
  });

  it('sends heartbeat comments while idle', async () => {
    const { server, next } = await sessionServer({ heartbeatMs: 20 });
    const stream = await openStream(`${server.url}/`);
    await next();
    await stream.until(() => stream.comments.length >= 2);
    expect(stream.comments.every((c) => c === '')).toBe(true);
    stream.close();
  });

  it('releases every timer and listener when the client goes away', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { server, next } = await sessionServer({
      heartbeatMs: 1000,
      maxDurationMs: 60_000,
      maxLagMs: 5000,
    });
    const client = await rawRequest(server.port);
    const session = await next();
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(1000);
    await client.waitFor(':\n');
    const closed = vi.fn();
    session.onClose(closed);
    client.socket.destroy();
    await once(session.signal, 'abort');
    expect(session.closed).toBe(true);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closes after maxDurationMs, sending retry first', async () => {
    const { server, next } = await sessionServer({ maxDurationMs: 40, retry: 250 });
    const stream = await openStream(`${server.url}/`);
    const session = await next();
    await stream.ended;
    expect(session.closed).toBe(true);
    expect(stream.retries).toEqual([250, 250]);
  });

  it('evicts a client that never reads, never holding more than maxQueueBytes', async () => {
    const maxQueueBytes = 256 * 1024;
    const { server, next } = await sessionServer({ heartbeatMs: 0, maxQueueBytes });
    const client = await rawRequest(server.port, '/', {}, { read: false });
    const session = await next();
    const chunk = { data: 'x'.repeat(16 * 1024) };
    let sent = 0;
    let maxBuffered = 0;
    while (session.send(chunk) && sent < 64 * 1024 * 1024) {
      sent += 16 * 1024;
      maxBuffered = Math.max(maxBuffered, session.bufferedBytes);
      if (sent % (256 * 1024) === 0) await tick();
    }
    expect(session.closed).toBe(true);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect(maxBuffered).toBeLessThanOrEqual(maxQueueBytes);
    expect(session.bufferedBytes).toBe(0);
    await server.waitForSockets(0);
    client.socket.destroy();
  });

  it('evicts a client whose socket has not drained for maxLagMs', async () => {
    const { server, next } = await sessionServer({ heartbeatMs: 0, maxLagMs: 30 });
    const client = await rawRequest(server.port, '/', {}, { read: false });
    const session = await next();
    // Fill the socket until writes wait for a drain, then write nothing more.
    while (session.bufferedBytes < 16 * 1024) {
      expect(session.send({ data: 'y'.repeat(32 * 1024) })).toBe(true);
      await tick();
    }
    await once(session.signal, 'abort');
    expect(session.closed).toBe(true);
    await server.waitForSockets(0);
    client.socket.destroy();
  });
});

describe('createSession (http wire format)', () => {
  const body = (text: string) => text.slice(text.indexOf('\r\n\r\n') + 4);

  it('sends the chunked framing res.write would, keeps the connection reusable', async () => {
    const { server, next } = await sessionServer({ heartbeatMs: 0 });
    const client = await rawRequest(server.port);
    const session = await next();
    session.send({ data: 'é' });
    session.writeRaw(''); // must not end the chunked body
    session.send({ data: 'x'.repeat(300) });
    session.close();
    await client.waitFor('0\r\n\r\n');
    const head = client.text().slice(0, client.text().indexOf('\r\n\r\n')).toLowerCase();
    expect(head).toContain('transfer-encoding: chunked');
    const big = `data: ${'x'.repeat(300)}\n\n`;
    expect(body(client.text())).toBe(
      `a\r\ndata: é\n\n\r\n${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    client.socket.write('GET /again HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    const again = await next();
    again.send({ data: 'second' });
    again.close();
    await client.waitFor('data: second');
    client.socket.destroy();
  });

  it('writes a plain body to HTTP/1.0 clients and none for HEAD', async () => {
    const { server, next } = await sessionServer({ heartbeatMs: 0 });
    const old = await rawRequest(server.port, '/', {}, { version: '1.0' });
    const a = await next();
    a.send({ data: 'old' });
    a.close();
    await once(old.socket, 'end');
    expect(body(old.text())).toBe('data: old\n\n');
    const head = await rawRequest(server.port, '/', {}, { method: 'HEAD' });
    const b = await next();
    b.send({ data: 'nothing' });
    b.close();
    await head.waitFor('\r\n\r\n');
    await tick();
    expect(body(head.text())).toBe('');
    head.socket.destroy();
  });
});

describe('createSession (http2)', () => {
  it('streams over HTTP/2 without the connection header and notices the client leaving', async () => {
    const sessions: Session[] = [];
    const h2 = http2.createServer((req, res) => {
      const s = createSession(req, res, { heartbeatMs: 0 });
      sessions.push(s);
      s.send({ id: 'x1', data: 'over h2' });
    });
    h2.listen(0, '127.0.0.1');
    await once(h2, 'listening');
    const client = http2.connect(`http://127.0.0.1:${(h2.address() as AddressInfo).port}`);
    const req = client.request({ ':path': '/', 'last-event-id': 'x0' });
    const [headers] = (await once(req, 'response')) as [http2.IncomingHttpHeaders];
    expect(headers[':status']).toBe(200);
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(headers.connection).toBeUndefined();
    const [chunk] = (await once(req, 'data')) as [Buffer];
    expect(chunk.toString()).toBe('id: x1\ndata: over h2\n\n');
    expect(sessions[0]?.lastEventId).toBe('x0');
    req.close();
    await once(sessions[0]!.signal, 'abort');
    expect(sessions[0]?.closed).toBe(true);
    client.close();
    await new Promise((r) => h2.close(r));
  });
});
