import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from './ProgressBar';

let server: TestServer | undefined;
afterEach(async () => {
  cleanup();
  await server?.close();
});

describe('ProgressBar (connected, against a real server)', () => {
  it('follows progress events to done and stops at the 204 after the end', async () => {
    // The job ends only once the test has seen 40% (a loaded machine could otherwise read both
    // events in one chunk and never render the 40%).
    let finish = () => {};
    server = await startServer((_req, res) => {
      if (server && server.requests.length > 1) {
        res.writeHead(204).end();
        return;
      }
      writeSSEHead(res);
      res.write('event: progress\nid: 1\ndata: {"percent":40,"stage":"Building","etaMs":2000}\n\n');
      finish = () => res.end('event: done\nid: 2\ndata: {"result":"ok"}\n\n');
    });
    render(
      <ProgressBar
        url={`${server.url}/jobs/1`}
        label="Deploy"
        options={{ retry: { initialMs: 20 } }}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Deploy' });
    await waitFor(() => {
      expect(bar.getAttribute('aria-valuenow')).toBe('40');
      expect(bar.getAttribute('aria-valuetext')).toBe('40%, Building, about 2 sec left');
    });
    finish();
    await waitFor(() => expect(bar.getAttribute('data-state')).toBe('done'));
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    await waitFor(() => expect(server?.requests.length).toBe(2));
    await server.waitForSockets(0);
  });
});
