import {
  aiSdkUIMessages,
  anthropicMessages,
  openAIChat,
  openAIResponses,
  ProviderError,
  ssekitTokens,
  type TokenProtocol,
} from '@ssekit/core';
import {
  aiSdkErrorFixture,
  aiSdkFixture,
  anthropicErrorFixture,
  anthropicFixture,
  cutSequences,
  FIXTURE_TEXT,
  openAIChatErrorFixture,
  openAIChatFixture,
  openAIResponsesErrorFixture,
  openAIResponsesFixture,
  pieces,
  ssekitErrorFixture,
  ssekitFixture,
  until,
  writeInPieces,
  writeSSEHead,
} from '@ssekit/testing';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { serve, testHub } from './test/sse';
import { useTokenStream } from './use-token-stream';

const cases: Array<[TokenProtocol, string, string, Record<string, unknown>]> = [
  [ssekitTokens, ssekitFixture, ssekitErrorFixture, { message: 'The model is overloaded' }],
  [openAIChat, openAIChatFixture, openAIChatErrorFixture, { providerCode: 'rate_limit_exceeded' }],
  [
    openAIResponses,
    openAIResponsesFixture,
    openAIResponsesErrorFixture,
    { providerCode: 'ERR_SOMETHING', message: 'Something went wrong' },
  ],
  [
    anthropicMessages,
    anthropicFixture,
    anthropicErrorFixture,
    { type: 'overloaded_error', message: 'Overloaded' },
  ],
  [aiSdkUIMessages, aiSdkFixture, aiSdkErrorFixture, { message: 'error message' }],
];

/** Bytes per write: small enough to cut JSON and UTF-8 sequences (every cut size is in core's test). */
const PIECE = 5;
const slow = { timeout: 10_000 };

/** A server answering each POST with `wire`, written a few bytes at a time. */
async function provider(wire: string) {
  return serve(async (_req, res) => {
    writeSSEHead(res);
    await writeInPieces(res, wire, PIECE);
  });
}

describe('useTokenStream with each provider protocol, against a real server', () => {
  it('the fixtures are written in pieces that cut UTF-8 sequences', () => {
    for (const [, ok] of cases) expect(cutSequences(pieces(ok, PIECE))).toBeGreaterThan(0);
  });

  for (const [protocol, ok, failing, error] of cases) {
    it(`${protocol.name}: the exact text, status done, one POST`, async () => {
      const server = await provider(ok);
      const { wrapper } = testHub();
      const { result } = renderHook(
        () => useTokenStream({ url: server.url, protocol, headers: { authorization: 'Bearer k' } }),
        { wrapper },
      );
      act(() => result.current.start({ prompt: 'hi' }));
      await waitFor(() => expect(result.current.status).toBe('done'), slow);
      expect(result.current.text).toBe(FIXTURE_TEXT);
      expect(result.current.error).toBeNull();
      expect(result.current.parts.some((p) => p.type === 'finish')).toBe(true);
      await until(() => server.openStreams() === 0);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.headers.authorization).toBe('Bearer k');
    });

    it(`${protocol.name}: a provider error event gives status error with its message`, async () => {
      const server = await provider(failing);
      const { wrapper } = testHub();
      const { result } = renderHook(() => useTokenStream({ url: server.url, protocol }), {
        wrapper,
      });
      act(() => result.current.start({ prompt: 'hi' }));
      await waitFor(() => expect(result.current.status).toBe('error'), slow);
      expect(result.current.error).toBeInstanceOf(ProviderError);
      expect(result.current.error).toMatchObject({ code: 'provider', ...error });
      expect(result.current.text).toBe('Hello');
      expect(server.requests).toHaveLength(1);
    });
  }

  it('tool-call arguments and reasoning are parts, never text', async () => {
    const server = await provider(anthropicFixture);
    const { wrapper } = testHub();
    const { result } = renderHook(
      () => useTokenStream({ url: server.url, protocol: anthropicMessages }),
      { wrapper },
    );
    act(() => result.current.start({ prompt: 'weather?' }));
    await waitFor(() => expect(result.current.status).toBe('done'), slow);
    expect(result.current.text).not.toContain('location');
    expect(result.current.parts).toContainEqual({
      type: 'tool-call',
      id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
      name: 'get_weather',
      input: '{"location": "Zürich"}',
    });
    expect(result.current.parts).toContainEqual({ type: 'reasoning', text: 'Let me think… über' });
  });

  it('a parse that returns undefined appends nothing (never the text "undefined")', async () => {
    const server = await provider(anthropicFixture);
    const { wrapper } = testHub();
    const { result } = renderHook(
      () =>
        useTokenStream({
          url: server.url,
          event: 'content_block_delta',
          done: 'message_stop',
          parse: (data) => JSON.parse(data).delta.text,
        }),
      { wrapper },
    );
    act(() => result.current.start({}));
    await waitFor(() => expect(result.current.status).toBe('done'), slow);
    expect(result.current.text).toBe(FIXTURE_TEXT);
  });
});
