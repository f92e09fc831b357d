import { anthropicMessages } from '@ssekit/react';
import {
  anthropicFixture,
  FIXTURE_TEXT,
  startServer,
  type TestServer,
  writeInPieces,
  writeSSEHead,
} from '@ssekit/testing';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenStream } from './TokenStream';

let server: TestServer | undefined;
afterEach(async () => {
  cleanup();
  await server?.close();
});

describe('TokenStream with a provider protocol', () => {
  it('renders an Anthropic answer and POSTs once under StrictMode', async () => {
    server = await startServer(async (_req, res) => {
      writeSSEHead(res);
      await writeInPieces(res, anthropicFixture, 7);
    });
    render(
      <StrictMode>
        <TokenStream url={`${server.url}/chat`} prompt="Hi" protocol={anthropicMessages} />
      </StrictMode>,
    );
    const answer = screen.getByRole('article', { name: 'Answer' });
    await waitFor(() => expect(answer.getAttribute('data-state')).toBe('done'), { timeout: 5000 });
    expect(answer.textContent).toContain(FIXTURE_TEXT);
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });
});
