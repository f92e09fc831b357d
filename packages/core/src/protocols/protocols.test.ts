import {
  aiSdkErrorFixture,
  aiSdkFixture,
  anthropicErrorFixture,
  anthropicFixture,
  FIXTURE_TEXT,
  openAIChatErrorFixture,
  openAIChatFixture,
  openAIResponsesErrorFixture,
  openAIResponsesFixture,
  pieces,
  ssekitErrorFixture,
  ssekitFixture,
} from '@ssekit/testing';
import { describe, expect, it } from 'vitest';
import { createParser } from '../parser';
import type { SSEEvent } from '../types';
import { aiSdkUIMessages } from './ai-sdk-ui-messages';
import { anthropicMessages } from './anthropic-messages';
import { openAIChat } from './openai-chat';
import { openAIResponses } from './openai-responses';
import { joinPart, ProviderError, type TokenPart, type TokenProtocol } from './protocol';
import { ssekitTokens } from './ssekit-tokens';

/** Parses `wire` in pieces of `size` bytes and reads the answer as a client would. */
function answer(protocol: TokenProtocol, wire: string, size: number) {
  const events: SSEEvent[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  for (const piece of pieces(wire, size)) parser.feed(new Uint8Array(piece));
  const read = protocol.reader();
  let text = '';
  let parts: TokenPart[] = [];
  let done = false;
  let error: Error | undefined;
  for (const event of events) {
    if (done || error) break;
    if (!protocol.events.includes(event.event)) continue;
    const step = read(event);
    if (!step) continue;
    text += step.text ?? '';
    for (const part of step.parts ?? []) parts = joinPart(parts, part);
    done = step.done === true;
    error = step.error;
  }
  return { text, parts, done, error };
}

const cases: Array<{
  protocol: TokenProtocol;
  ok: string;
  failing: string;
  parts: TokenPart[];
  error: { message: string; type?: string; providerCode?: string };
}> = [
  {
    protocol: ssekitTokens,
    ok: ssekitFixture,
    failing: ssekitErrorFixture,
    parts: [{ type: 'finish', reason: 'stop' }],
    error: { message: 'The model is overloaded', type: 'overloaded', providerCode: '529' },
  },
  {
    protocol: openAIChat,
    ok: openAIChatFixture,
    failing: openAIChatErrorFixture,
    parts: [
      { type: 'tool-call', id: 'call_abc123', name: 'get_weather', input: '{"location":"Zürich"}' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 } },
    ],
    error: {
      message:
        'Rate limit reached for gpt-4o-mini in organization org-123 on tokens per min (TPM): Limit 30000, Used 30000.',
      type: 'tokens',
      providerCode: 'rate_limit_exceeded',
    },
  },
  {
    protocol: openAIResponses,
    ok: openAIResponsesFixture,
    failing: openAIResponsesErrorFixture,
    parts: [
      {
        type: 'usage',
        usage: {
          input_tokens: 37,
          output_tokens: 11,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 48,
        },
      },
      { type: 'finish', reason: 'completed' },
    ],
    error: { message: 'Something went wrong', providerCode: 'ERR_SOMETHING' },
  },
  {
    protocol: anthropicMessages,
    ok: anthropicFixture,
    failing: anthropicErrorFixture,
    parts: [
      { type: 'usage', usage: { input_tokens: 25, output_tokens: 15 } },
      { type: 'reasoning', text: 'Let me think… über' },
      {
        type: 'tool-call',
        id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
        name: 'get_weather',
        input: '{"location": "Zürich"}',
      },
      { type: 'finish', reason: 'tool_use' },
    ],
    error: { message: 'Overloaded', type: 'overloaded_error' },
  },
  {
    protocol: aiSdkUIMessages,
    ok: aiSdkFixture,
    failing: aiSdkErrorFixture,
    parts: [
      { type: 'reasoning', text: 'This is some reasoning – ok' },
      {
        type: 'tool-call',
        id: 'call_fJdQDqnXeGxTmr4E3YPSR7Ar',
        name: 'getWeatherInformation',
        input: '{"city":"Zürich"}',
        output: { city: 'Zürich', weather: 'sunny' },
      },
      { type: 'data', name: 'weather', data: { location: 'SF', temperature: 100 } },
      { type: 'finish', reason: 'stop' },
    ],
    error: { message: 'error message' },
  },
];

describe('AI protocols over their documented wire formats', () => {
  for (const c of cases) {
    it(`${c.protocol.name}: the exact text, the parts and done, however the bytes are cut`, () => {
      for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
        const result = answer(c.protocol, c.ok, size);
        expect(result.error).toBeUndefined();
        expect(result.text).toBe(FIXTURE_TEXT);
        expect(result.done).toBe(true);
        expect(result.parts).toEqual(c.parts);
      }
    });

    it(`${c.protocol.name}: an error event gives the provider's message, type and code`, () => {
      const result = answer(c.protocol, c.failing, 3);
      expect(result.done).toBe(false);
      expect(result.text).toBe('Hello');
      expect(result.error).toBeInstanceOf(ProviderError);
      expect(result.error).toMatchObject({ code: 'provider', fatal: true, ...c.error });
    });
  }

  it('a JSON protocol reports data that is not JSON as a parse error naming the protocol', () => {
    const read = anthropicMessages.reader();
    expect(() => read({ event: 'content_block_delta', data: '{"type": "conte', id: '' })).toThrow(
      /anthropic-messages: a "content_block_delta" event is not JSON/,
    );
  });

  it('unknown events and event types mean nothing', () => {
    expect(anthropicMessages.events).not.toContain('ping');
    expect(
      anthropicMessages.reader()({ event: 'future_event', data: '{}', id: '' }),
    ).toBeUndefined();
    expect(aiSdkUIMessages.reader()({ event: 'message', data: '{"type":"x-new"}', id: '' })).toBe(
      undefined,
    );
    expect(openAIResponses.reader()({ event: 'message', data: '{"type":"a.b"}', id: '' })).toBe(
      undefined,
    );
  });
});
