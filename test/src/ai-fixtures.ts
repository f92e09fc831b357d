import type { ServerResponse } from 'node:http';

/**
 * AI answers in each provider's wire format, byte for byte as their public documentation shows
 * them (field order, spacing, the events around the text), with the text pieces changed to
 * non-ASCII ones so that splitting the bytes cuts UTF-8 sequences.
 *
 * - OpenAI Chat Completions: API reference, "The chat completion chunk object" (streaming).
 * - OpenAI Responses: API reference, "Streaming events".
 * - Anthropic Messages: "Streaming Messages", the raw HTTP stream examples.
 * - AI SDK UI message stream: "Stream Protocols", data stream protocol parts.
 */

/** The text every success fixture spells out. */
export const FIXTURE_TEXT = 'Hello wörld — 你好 👋';
const PIECES = ['Hello', ' wörld', ' — ', '你好', ' 👋'];

const chatChunk = (delta: string, finish = 'null') =>
  `data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}]}\n\n`;

export const openAIChatFixture =
  chatChunk('{"role":"assistant","content":""}') +
  PIECES.map((p) => chatChunk(`{"content":${JSON.stringify(p)}}`)).join('') +
  chatChunk(
    '{"tool_calls":[{"index":0,"id":"call_abc123","type":"function","function":{"name":"get_weather","arguments":""}}]}',
  ) +
  chatChunk('{"tool_calls":[{"index":0,"function":{"arguments":"{\\"loc"}}]}') +
  chatChunk('{"tool_calls":[{"index":0,"function":{"arguments":"ation\\":\\"Zürich\\"}"}}]}') +
  chatChunk('{}', '"stop"') +
  'data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini", "system_fingerprint": "fp_44709d6fcb", "choices":[],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}}\n\n' +
  'data: [DONE]\n\n';

export const openAIChatErrorFixture =
  chatChunk('{"role":"assistant","content":""}') +
  chatChunk(`{"content":${JSON.stringify(PIECES[0])}}`) +
  'data: {"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-123 on tokens per min (TPM): Limit 30000, Used 30000.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}\n\n';

const MSG = 'msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654';
const response = (status: string, usage: string) =>
  `{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","created_at":1741290958,"status":"${status}","error":null,"incomplete_details":null,"instructions":"You are a helpful assistant.","max_output_tokens":null,"model":"gpt-4.1-2025-04-14","output":[],"parallel_tool_calls":true,"previous_response_id":null,"reasoning":{"effort":null,"summary":null},"store":true,"temperature":1.0,"text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":1.0,"truncation":"disabled","usage":${usage},"user":null,"metadata":{}}`;
const responsesEvent = (type: string, body: string, seq: number) =>
  `event: ${type}\ndata: {"type":"${type}",${body},"sequence_number":${seq}}\n\n`;

export const openAIResponsesFixture = [
  responsesEvent('response.created', `"response":${response('in_progress', 'null')}`, 0),
  responsesEvent('response.in_progress', `"response":${response('in_progress', 'null')}`, 1),
  responsesEvent(
    'response.output_item.added',
    `"output_index":0,"item":{"id":"${MSG}","type":"message","status":"in_progress","role":"assistant","content":[]}`,
    2,
  ),
  responsesEvent(
    'response.content_part.added',
    `"item_id":"${MSG}","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}`,
    3,
  ),
  ...PIECES.map((p, i) =>
    responsesEvent(
      'response.output_text.delta',
      `"item_id":"${MSG}","output_index":0,"content_index":0,"delta":${JSON.stringify(p)}`,
      4 + i,
    ),
  ),
  responsesEvent(
    'response.output_text.done',
    `"item_id":"${MSG}","output_index":0,"content_index":0,"text":${JSON.stringify(PIECES.join(''))}`,
    9,
  ),
  responsesEvent(
    'response.completed',
    `"response":${response('completed', '{"input_tokens":37,"output_tokens":11,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":48}')}`,
    10,
  ),
].join('');

export const openAIResponsesErrorFixture = [
  responsesEvent('response.created', `"response":${response('in_progress', 'null')}`, 0),
  responsesEvent(
    'response.output_text.delta',
    `"item_id":"${MSG}","output_index":0,"content_index":0,"delta":${JSON.stringify(PIECES[0])}`,
    1,
  ),
  'event: error\ndata: {"type":"error","code":"ERR_SOMETHING","message":"Something went wrong","param":null,"sequence_number":2}\n\n',
].join('');

const anthropicDelta = (index: number, delta: string) =>
  `event: content_block_delta\ndata: {"type": "content_block_delta","index": ${index},"delta": ${delta}}\n\n`;

export const anthropicFixture = [
  'event: message_start\ndata: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-opus-4-6", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}\n\n',
  'event: content_block_start\ndata: {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": ""}}\n\n',
  anthropicDelta(0, '{"type": "thinking_delta", "thinking": "Let me think… über"}'),
  anthropicDelta(
    0,
    '{"type": "signature_delta", "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"}',
  ),
  'event: content_block_stop\ndata: {"type": "content_block_stop", "index": 0}\n\n',
  'event: content_block_start\ndata: {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}\n\n',
  'event: ping\ndata: {"type": "ping"}\n\n',
  ...PIECES.map((p) => anthropicDelta(1, `{"type": "text_delta", "text": ${JSON.stringify(p)}}`)),
  'event: content_block_stop\ndata: {"type": "content_block_stop", "index": 1}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}\n\n',
  anthropicDelta(2, '{"type":"input_json_delta","partial_json":""}'),
  anthropicDelta(2, '{"type":"input_json_delta","partial_json":"{\\"location\\": \\"Zü"}'),
  anthropicDelta(2, '{"type":"input_json_delta","partial_json":"rich\\"}"}'),
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":2}\n\n',
  'event: message_delta\ndata: {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence":null}, "usage": {"output_tokens": 15}}\n\n',
  'event: message_stop\ndata: {"type": "message_stop"}\n\n',
].join('');

export const anthropicErrorFixture = [
  'event: message_start\ndata: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-opus-4-6", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}\n\n',
  'event: content_block_start\ndata: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}\n\n',
  anthropicDelta(0, `{"type": "text_delta", "text": ${JSON.stringify(PIECES[0])}}`),
  'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n',
].join('');

const TEXT_ID = 'msg_68679a454370819ca74c8eb3d04379630dd1afb72306ca5d';
const CALL = 'call_fJdQDqnXeGxTmr4E3YPSR7Ar';
const ui = (part: string) => `data: ${part}\n\n`;

export const aiSdkFixture = [
  ui('{"type":"start","messageId":"msg_123"}'),
  ui('{"type":"start-step"}'),
  ui('{"type":"reasoning-start","id":"reasoning_123"}'),
  ui('{"type":"reasoning-delta","id":"reasoning_123","delta":"This is some reasoning – ok"}'),
  ui('{"type":"reasoning-end","id":"reasoning_123"}'),
  ui(`{"type":"text-start","id":"${TEXT_ID}"}`),
  ...PIECES.map((p) => ui(`{"type":"text-delta","id":"${TEXT_ID}","delta":${JSON.stringify(p)}}`)),
  ui(`{"type":"text-end","id":"${TEXT_ID}"}`),
  ui(`{"type":"tool-input-start","toolCallId":"${CALL}","toolName":"getWeatherInformation"}`),
  ui(
    `{"type":"tool-input-delta","toolCallId":"${CALL}","inputTextDelta":"{\\"city\\":\\"Zürich\\"}"}`,
  ),
  ui(
    `{"type":"tool-input-available","toolCallId":"${CALL}","toolName":"getWeatherInformation","input":{"city":"Zürich"}}`,
  ),
  ui(
    `{"type":"tool-output-available","toolCallId":"${CALL}","output":{"city":"Zürich","weather":"sunny"}}`,
  ),
  ui('{"type":"data-weather","data":{"location":"SF","temperature":100}}'),
  ui('{"type":"finish-step"}'),
  ui('{"type":"finish"}'),
  'data: [DONE]\n\n',
].join('');

export const aiSdkErrorFixture = [
  ui('{"type":"start","messageId":"msg_123"}'),
  ui(`{"type":"text-start","id":"${TEXT_ID}"}`),
  ui(`{"type":"text-delta","id":"${TEXT_ID}","delta":${JSON.stringify(PIECES[0])}}`),
  ui('{"type":"error","errorText":"error message"}'),
].join('');

export const ssekitFixture = [
  ...PIECES.map((p, i) => `event: token\nid: ${i + 1}\ndata: ${JSON.stringify({ text: p })}\n\n`),
  'event: done\nid: 6\ndata: {"finishReason":"stop"}\n\n',
].join('');

export const ssekitErrorFixture = [
  `event: token\ndata: ${JSON.stringify({ text: PIECES[0] })}\n\n`,
  'event: error\ndata: {"message":"The model is overloaded","type":"overloaded","code":"529"}\n\n',
].join('');

/** The UTF-8 bytes of `text` in pieces of `size` bytes (cutting JSON and UTF-8 sequences). */
export function pieces(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/** How many pieces cut a UTF-8 sequence (so a test can show that the splitting does). */
export function cutSequences(parts: Buffer[]): number {
  return parts.filter((p) => !Buffer.from(p.toString('utf8'), 'utf8').equals(p)).length;
}

/**
 * Writes `text` to a response in pieces of `size` bytes, each flushed to the socket before the
 * next is written, then ends the response (unless `end` is false).
 */
export async function writeInPieces(
  res: ServerResponse,
  text: string,
  size = 5,
  end = true,
): Promise<void> {
  for (const piece of pieces(text, size)) {
    if (res.destroyed) return;
    await new Promise<void>((resolve) => res.write(piece, () => resolve()));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (end) res.end();
}
