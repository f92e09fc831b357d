import { startServer, writeSSEHead } from '@ssekit/testing';
import { afterEach, expect, it } from 'vitest';
import { connect } from './connect';
import { crossTab } from './cross-tab';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

it('crossTab falls back to an unshared connection where Web Locks are missing (Node)', async () => {
  const server = await startServer((_req, res) => {
    writeSSEHead(res);
    res.end('id: 1\ndata: one\n\n');
  });
  close = server.close;
  expect(typeof navigator === 'undefined' || !('locks' in navigator)).toBe(true);
  const stream = connect(server.url, { crossTab: crossTab() });
  const event = await new Promise((resolve) => stream.on('message', resolve));
  stream.close();
  expect(event).toEqual({ event: 'message', data: 'one', id: '1' });
  expect(server.requests).toHaveLength(1);
});
