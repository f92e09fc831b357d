import { jsonData, providerError, record, str, type TokenProtocol } from './protocol';

/**
 * Anthropic Messages API with `stream: true`: `content_block_delta` events carry `text_delta`
 * (the text), `thinking_delta` (reasoning) and `input_json_delta` (tool-call arguments, by the
 * block's `tool_use` id); `message_delta` gives the stop reason and usage; `message_stop` ends
 * the answer; `ping`s are ignored; an `error` event (e.g. `overloaded_error`) is a
 * {@link ProviderError} with the provider's message and type.
 */
export const anthropicMessages: TokenProtocol = {
  name: 'anthropic-messages',
  events: [
    'message_start',
    'content_block_start',
    'content_block_delta',
    'message_delta',
    'message_stop',
    'error',
  ],
  reader() {
    const toolIds = new Map<number, string>();
    let usage: Record<string, unknown> = {};
    return (event) => {
      const data = record(jsonData(event, 'anthropic-messages'));
      const index = typeof data.index === 'number' ? data.index : 0;
      switch (event.event) {
        case 'message_start': {
          const start = record(record(data.message).usage);
          usage = { ...start };
          return { parts: [{ type: 'usage', usage }] };
        }
        case 'content_block_start': {
          const block = record(data.content_block);
          if (block.type === 'tool_use') {
            const id = str(block.id) ?? String(index);
            toolIds.set(index, id);
            return { parts: [{ type: 'tool-call', id, name: str(block.name) ?? '' }] };
          }
          const text = block.type === 'text' ? str(block.text) : undefined;
          return text ? { text } : undefined;
        }
        case 'content_block_delta': {
          const delta = record(data.delta);
          switch (delta.type) {
            case 'text_delta':
              return { text: str(delta.text) ?? '' };
            case 'thinking_delta':
              return { parts: [{ type: 'reasoning', delta: str(delta.thinking) ?? '' }] };
            case 'input_json_delta': {
              const id = toolIds.get(index) ?? String(index);
              return { parts: [{ type: 'tool-call', id, delta: str(delta.partial_json) ?? '' }] };
            }
            case 'citations_delta':
              return { parts: [{ type: 'data', name: 'citation', data: delta.citation }] };
            default:
              return undefined; // signature_delta and future kinds
          }
        }
        case 'message_delta': {
          const reason = str(record(data.delta).stop_reason);
          usage = { ...usage, ...record(data.usage) };
          return {
            parts: [
              { type: 'usage', usage },
              ...(reason ? [{ type: 'finish' as const, reason }] : []),
            ],
          };
        }
        case 'message_stop':
          return { done: true };
        case 'error':
          return { error: providerError(data.error) };
        default:
          return undefined;
      }
    };
  },
};
