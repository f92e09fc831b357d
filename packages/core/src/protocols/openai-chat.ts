import {
  jsonData,
  providerError,
  record,
  str,
  type TokenPartDelta,
  type TokenProtocol,
  type TokenStep,
} from './protocol';

/**
 * OpenAI Chat Completions with `stream: true` (and the many servers speaking it): data-only
 * events of `chat.completion.chunk` objects, ended by `data: [DONE]`. The text is
 * `choices[0].delta.content`; reasoning (`reasoning_content`), refusals, tool-call argument
 * deltas, `finish_reason` and `usage` become parts; an `{ "error": {...} }` chunk is a
 * {@link ProviderError}.
 */
export const openAIChat: TokenProtocol = {
  name: 'openai-chat',
  events: ['message'],
  reader() {
    const toolIds = new Map<number, string>();
    return (event) => {
      if (event.data === '[DONE]') return { done: true };
      const chunk = record(jsonData(event, 'openai-chat'));
      if (chunk.error !== undefined) return { error: providerError(chunk.error) };
      const parts: TokenPartDelta[] = [];
      const step: TokenStep = { parts };
      const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
      const choice = record(choices.find((c) => (record(c).index ?? 0) === 0));
      const delta = record(choice.delta);
      const content = str(delta.content);
      if (content) step.text = content;
      const reasoning = str(delta.reasoning_content) ?? str(delta.reasoning);
      if (reasoning) parts.push({ type: 'reasoning', delta: reasoning });
      const refusal = str(delta.refusal);
      if (refusal) parts.push({ type: 'refusal', delta: refusal });
      for (const raw of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
        const call = record(raw);
        const index = typeof call.index === 'number' ? call.index : 0;
        const id = str(call.id) ?? toolIds.get(index) ?? String(index);
        toolIds.set(index, id);
        const fn = record(call.function);
        const part: TokenPartDelta = { type: 'tool-call', id };
        const name = str(fn.name);
        if (name) part.name = name;
        const args = str(fn.arguments);
        if (args) part.delta = args;
        parts.push(part);
      }
      const finish = str(choice.finish_reason);
      if (finish) parts.push({ type: 'finish', reason: finish });
      if (chunk.usage && typeof chunk.usage === 'object') {
        parts.push({ type: 'usage', usage: record(chunk.usage) });
      }
      return step;
    };
  },
};
