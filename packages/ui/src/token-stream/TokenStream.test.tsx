import { startServer, type TestServer, writeSSEHead } from '@ssekit/testing';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenStream } from './TokenStream';

let server: TestServer | undefined;
afterEach(async () => {
  cleanup();
  await server?.close();
});

const token = (text: string) => `event: token\ndata: ${JSON.stringify({ text })}\n\n`;

describe('TokenStream (connected, against a real server)', () => {
  it('POSTs the prompt, renders the answer and announces it once done', async () => {
    server = await startServer((_req, res) => {
      writeSSEHead(res);
      for (const piece of ['Hello ', '**wor', 'ld**', '\n\n- a\n- <b>b</b>'])
        res.write(token(piece));
      res.end('event: done\ndata: {"finishReason":"stop"}\n\n');
    });
    render(<TokenStream url={`${server.url}/chat`} prompt="Hi there" />);
    const region = screen.getByRole('article', { name: 'Answer' });
    await waitFor(() => expect(region.getAttribute('data-state')).toBe('done'));
    expect(region.querySelector('strong')?.textContent).toBe('world');
    expect(region.querySelector('b')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Hello world\n\na\n<b>b</b>');
    expect(server.requests[0]?.method).toBe('POST');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ prompt: 'Hi there' });
  });

  it('stops on Stop: the request is aborted and the text so far stays', async () => {
    server = await startServer((_req, res) => {
      writeSSEHead(res);
      res.write(token('Partial answer'));
    });
    render(<TokenStream url={`${server.url}/chat`} prompt="Long" />);
    const stop = await screen.findByRole('button', { name: 'Stop' });
    await waitFor(() => expect(screen.getByText('Partial answer')).toBeTruthy());
    fireEvent.click(stop);
    const region = screen.getByRole('article', { name: 'Answer' });
    await waitFor(() => expect(region.getAttribute('data-state')).toBe('stopped'));
    await server.waitForSockets(0);
    expect(screen.getByText('Partial answer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });
});
