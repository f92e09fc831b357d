import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
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
    let connections = 0;
    server = await startServer((_req, res) => {
      connections++;
      writeSSEHead(res);
      if (connections === 1) {
        res.write(quote(1, 100));
        setTimeout(() => res.destroy(), 50);
      } else {
        res.write(quote(2, 101.5));
      }
    });
    const url = `${server.url}/ticker`;
    const options = { retry: { initialMs: 400, maxMs: 400, jitter: 0 } };
    render(
      <>
        <ConnectionStatus url={url} options={options} label="Prices" />
        <Ticker url={url} options={options} locale="en-US" />
      </>,
    );
    const table = screen.getByRole('table', { name: 'Prices' });
    // Generous timeouts: a loaded machine may take a while to start the first request.
    await waitFor(
      () =>
        expect(within(table).getByRole('row', { name: /AAPL/ }).textContent).toContain('$100.00'),
      { timeout: 5000 },
    );
    await waitFor(() => expect(screen.getByText(/prices may be out of date/)).toBeTruthy(), {
      interval: 10,
      timeout: 5000,
    });
    expect(screen.getByRole('status').textContent).toMatch(/^Prices: reconnecting/);
    await waitFor(
      () =>
        expect(within(table).getByRole('row', { name: /AAPL/ }).textContent).toContain('$101.50'),
      { timeout: 5000 },
    );
    expect(screen.queryByText(/prices may be out of date/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Prices: live');
    // The status and the table share one connection: one request, then one resuming reconnect.
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['last-event-id']).toBe('1');
  });
});
