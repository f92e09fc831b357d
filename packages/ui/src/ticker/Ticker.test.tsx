import type { ServerResponse } from 'node:http';
import { startServer, type TestServer, until, writeSSEHead } from '@ssekit/testing';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionStatus } from '../connection-status/ConnectionStatus';
import { Ticker } from './Ticker';

let server: TestServer | undefined;
afterEach(async () => {
  cleanup();
  await server?.close();
});

const quote = (id: number, price: number) =>
  `event: quote\nid: ${id}\ndata: ${JSON.stringify({ symbol: 'AAPL', price, change: 1, changePercent: 0.5 })}\n\n`;

describe('Ticker (connected, against a real server)', () => {
  it('shows live quotes, marks them stale while reconnecting, and resumes', async () => {
    // The server decides each phase, so the stale state lasts until the test has seen it
    // (no race against a backoff delay): the first connection is cut only after the first quote
    // showed, and the reconnect is held unanswered until the stale notice was checked.
    const responses: ServerResponse[] = [];
    server = await startServer((_req, res) => {
      responses.push(res);
      if (responses.length === 1) {
        writeSSEHead(res);
        res.write(quote(1, 100));
      }
    });
    const url = `${server.url}/ticker`;
    const options = { retry: { initialMs: 10, maxMs: 10, jitter: 0 } };
    render(
      <>
        <ConnectionStatus url={url} options={options} label="Prices" />
        <Ticker url={url} options={options} locale="en-US" />
      </>,
    );
    const table = screen.getByRole('table', { name: 'Prices' });
    const row = () => within(table).getByRole('row', { name: /AAPL/ }).textContent;
    await waitFor(() => expect(row()).toContain('$100.00'), { timeout: 5000 });
    responses[0]?.destroy();
    // The reconnect reached the server (and waits there): the status and the table share it.
    await until(() => responses.length === 2);
    await waitFor(() => expect(screen.getByText(/prices may be out of date/)).toBeTruthy(), {
      timeout: 5000,
    });
    expect(screen.getByRole('status').textContent).toMatch(/^Prices: reconnecting/);
    expect(row()).toContain('$100.00');
    expect(server.requests[1]?.headers['last-event-id']).toBe('1');
    const held = responses[1] as ServerResponse;
    writeSSEHead(held);
    held.write(quote(2, 101.5));
    await waitFor(() => expect(row()).toContain('$101.50'), { timeout: 5000 });
    expect(screen.queryByText(/prices may be out of date/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Prices: live');
    // One request, then one resuming reconnect.
    expect(server.requests).toHaveLength(2);
  });
});
