import { providerError, record, str, type TokenProtocol } from './protocol';

function tokenPiece(data: string): string {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return data;
  }
  if (typeof value === 'string') return value;
  const text = str(record(value).text);
  return text ?? data;
}

/**
 * ssekit's own format (the default): `token` events carry `{ "text": "..." }` (or a JSON string,
 * or raw text), `done` ends the answer (`{ "finishReason": "stop" }` optional), and an `error`
 * event carries `{ "message", "type"?, "code"? }`.
 *
 * @example
 * useTokenStream({ url: '/api/chat', protocol: ssekitTokens });
 */
export const ssekitTokens: TokenProtocol = {
  name: 'ssekit-tokens',
  events: ['token', 'done', 'error'],
  reader: () => (event) => {
    if (event.event === 'token') return { text: tokenPiece(event.data) };
    if (event.event === 'error') {
      let value: unknown;
      try {
        value = JSON.parse(event.data);
      } catch {
        value = { message: event.data };
      }
      return { error: providerError(value) };
    }
    let reason: string | undefined;
    try {
      reason = str(record(JSON.parse(event.data)).finishReason);
    } catch {
      // a done event needs no data
    }
    return reason ? { done: true, parts: [{ type: 'finish', reason }] } : { done: true };
  },
};
