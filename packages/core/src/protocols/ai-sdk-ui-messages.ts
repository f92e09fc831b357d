import { jsonData, ProviderError, record, str, type TokenProtocol } from './protocol';

/**
 * The AI SDK's UI message stream (`toUIMessageStreamResponse()`, header
 * `x-vercel-ai-ui-message-stream: v1`): data-only JSON parts ended by `data: [DONE]`.
 * `text-delta` is the text; reasoning, tool input and output, `finish`, sources, files and
 * `data-*` parts become parts; an `error` part is a {@link ProviderError} with its `errorText`.
 */
export const aiSdkUIMessages: TokenProtocol = {
  name: 'ai-sdk-ui-messages',
  events: ['message'],
  reader() {
    const streamed = new Set<string>();
    return (event) => {
      if (event.data === '[DONE]') return { done: true };
      const part = record(jsonData(event, 'ai-sdk-ui-messages'));
      const type = str(part.type) ?? '';
      const id = str(part.toolCallId) ?? '';
      switch (type) {
        case 'text-delta':
          return { text: str(part.delta) ?? '' };
        case 'reasoning-delta':
          return { parts: [{ type: 'reasoning', delta: str(part.delta) ?? '' }] };
        case 'tool-input-start':
          return { parts: [{ type: 'tool-call', id, name: str(part.toolName) ?? '' }] };
        case 'tool-input-delta':
          streamed.add(id);
          return { parts: [{ type: 'tool-call', id, delta: str(part.inputTextDelta) ?? '' }] };
        case 'tool-input-available': {
          const name = str(part.toolName) ?? '';
          if (streamed.has(id)) return { parts: [{ type: 'tool-call', id, name }] };
          const delta = JSON.stringify(part.input ?? null);
          return { parts: [{ type: 'tool-call', id, name, delta }] };
        }
        case 'tool-output-available':
          return { parts: [{ type: 'tool-result', id, output: part.output }] };
        case 'finish':
          return { parts: [{ type: 'finish', reason: str(part.finishReason) ?? 'stop' }] };
        case 'abort':
          return { parts: [{ type: 'finish', reason: 'abort' }] };
        case 'error':
          return { error: new ProviderError(str(part.errorText) ?? '') };
        default:
          if (type.startsWith('data-')) {
            return { parts: [{ type: 'data', name: type.slice(5), data: part.data }] };
          }
          if (type.startsWith('source-') || type === 'file') {
            return { parts: [{ type: 'data', name: type, data: part }] };
          }
          return undefined; // start, text-start/end, steps, metadata: nothing for the answer
      }
    };
  },
};
