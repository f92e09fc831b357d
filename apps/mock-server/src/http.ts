import type { IncomingMessage, ServerResponse } from 'node:http';
import { SwitchError } from './switches';

/** Largest request body read. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Answers with JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(value, null, 2));
}

/** Reads a JSON body (bounded); `undefined` for an empty body. Throws {@link SwitchError} if bad. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new SwitchError('body', `${size} bytes`, `at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SwitchError('body', text.slice(0, 40), 'JSON');
  }
}

/** Answers with the `status` switch: that status and a short body (none for 204 and 304) instead of a stream. */
export function answerStatus(res: ServerResponse, status: number, retryAfter?: number): void {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  if (status === 204 || status === 304) res.writeHead(status, headers).end();
  else res.writeHead(status, headers).end(`Mock server: status=${status} requested\n`);
}
