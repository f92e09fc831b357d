import {
  jsonData,
  ProviderError,
  providerError,
  record,
  str,
  type TokenProtocol,
} from './protocol';

const EVENTS = [
  'response.output_text.delta',
  'response.refusal.delta',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
  'response.output_item.added',
  'response.function_call_arguments.delta',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'error',
  // Servers that send the same objects without `event:` lines.
  'message',
];

/**
 * OpenAI Responses API with `stream: true`: typed events (`response.output_text.delta`, ...)
 * ended by `response.completed` (or `response.incomplete`, with its reason as the finish part).
 * Reasoning, refusals, function-call argument deltas and `usage` become parts; an `error`
 * event or `response.failed` is a {@link ProviderError} with the provider's message and code.
 */
export const openAIResponses: TokenProtocol = {
  name: 'openai-responses',
  events: EVENTS,
  reader: () => (event) => {
    const data = record(jsonData(event, 'openai-responses'));
    const type = str(data.type) ?? event.event;
    const delta = str(data.delta) ?? '';
    switch (type) {
      case 'response.output_text.delta':
        return { text: delta };
      case 'response.refusal.delta':
        return { parts: [{ type: 'refusal', delta }] };
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        return { parts: [{ type: 'reasoning', delta }] };
      case 'response.output_item.added': {
        const item = record(data.item);
        if (item.type !== 'function_call') return undefined;
        const id = str(item.id) ?? str(item.call_id) ?? '';
        return { parts: [{ type: 'tool-call', id, name: str(item.name) ?? '' }] };
      }
      case 'response.function_call_arguments.delta':
        return { parts: [{ type: 'tool-call', id: str(data.item_id) ?? '', delta }] };
      case 'response.completed':
      case 'response.incomplete': {
        const response = record(data.response);
        const reason =
          str(record(response.incomplete_details).reason) ?? str(response.status) ?? 'completed';
        const usage = response.usage && typeof response.usage === 'object';
        return {
          done: true,
          parts: [
            ...(usage ? [{ type: 'usage' as const, usage: record(response.usage) }] : []),
            { type: 'finish', reason },
          ],
        };
      }
      case 'response.failed': {
        const error = record(record(data.response).error);
        return {
          error: new ProviderError(str(error.message) ?? 'The response failed', {
            type: error.type,
            code: error.code,
          }),
        };
      }
      case 'error':
        return { error: providerError(data) };
      default:
        return undefined;
    }
  },
};
