import { describe, expect, it, vi } from 'vitest';
import { readStream } from './test-helpers';
import { createResponse } from './web';

describe('createResponse', () => {
  it('streams events through a web Response', async () => {
    const request = new Request('http://localhost/live', { headers: { 'last-event-id': '9' } });
    const { response, session } = createResponse(request, { retry: 300, heartbeatMs: 0 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('connection')).toBeNull();
    expect(session.lastEventId).toBe('9');
    const stream = readStream(response);
    session.send({ id: 10, event: 'update', data: 'line 1\nline 2' });
    session.close();
    await stream.ended;
    expect(stream.retries).toEqual([300]);
    expect(stream.events).toEqual([{ id: '10', event: 'update', data: 'line 1\nline 2' }]);
  });

  it('closes the session when the request is aborted or the body cancelled', async () => {
    const abort = new AbortController();
    const a = createResponse(new Request('http://localhost/', { signal: abort.signal }));
    const closed = vi.fn();
    a.session.onClose(closed);
    abort.abort();
    expect(a.session.closed).toBe(true);
    expect(a.session.signal.aborted).toBe(true);
    expect(closed).toHaveBeenCalledTimes(1);

    const b = createResponse(new Request('http://localhost/?lastEventId=3'));
    expect(b.session.lastEventId).toBe('3');
    await b.response.body!.cancel();
    expect(b.session.closed).toBe(true);
  });

  it('bounds what a reader that never reads can hold, then evicts it', async () => {
    const maxQueueBytes = 200 * 1024;
    const { response, session } = createResponse(new Request('http://localhost/'), {
      maxQueueBytes,
      heartbeatMs: 0,
    });
    let max = 0;
    let writes = 0;
    while (session.send({ data: 'z'.repeat(8 * 1024) })) {
      max = Math.max(max, session.bufferedBytes);
      writes++;
    }
    expect(session.closed).toBe(true);
    expect(writes).toBeGreaterThan(20);
    expect(max).toBeLessThanOrEqual(maxQueueBytes);
    await expect(response.text()).rejects.toThrow();
  });

  it('resumes a paused reader: queued events arrive in order once it reads', async () => {
    const { response, session } = createResponse(new Request('http://localhost/'), {
      heartbeatMs: 0,
    });
    for (let i = 0; i < 40; i++) session.send({ id: i, data: 'q'.repeat(4096) });
    expect(session.bufferedBytes).toBeGreaterThan(64 * 1024);
    const stream = readStream(response);
    await stream.until(() => stream.events.length === 40);
    expect(stream.events.map((e) => e.id)).toEqual(Array.from({ length: 40 }, (_, i) => String(i)));
    session.send({ data: 'after' });
    await stream.until(() => stream.events.length === 41);
    session.close();
    await stream.ended;
    expect(session.signal.aborted).toBe(true);
  });
});
