import { until } from '@ssekit/testing/until';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatPageRecord } from './test/chat-page';

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  sessionStorage.clear();
});

/** The whole answer to `prompt`, read from the mock server's plain (non-run) chat at once. */
async function expectedAnswer(prompt: string): Promise<string> {
  const body = await (await fetch(`/sse/chat?rate=10000&prompt=${prompt}`)).text();
  return body
    .split('\n\n')
    .filter((block) => block.includes('event: token'))
    .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)).text as string)
    .join('');
}

/** A page load, a mock chat run and a reload take a while in a busy Chromium. */
const LIMIT = 20_000;

const answerOf = (frame: HTMLIFrameElement) =>
  (frame.contentWindow as unknown as { answer?: ChatPageRecord } | null)?.answer;

describe('a resumable run in real Chromium', () => {
  it('survives dropped connections and a page reload: every token exactly once', async () => {
    const prompt = `reload-${Math.random().toString(36).slice(2)}`;
    const expected = await expectedAnswer(prompt);
    const frame = document.createElement('iframe');
    frame.src = `/packages/react/src/test/chat-page.html?prompt=${prompt}&rate=100&dropAfter=25`;
    frames.push(frame);
    document.body.append(frame);
    const first = await until(() => {
      const answer = answerOf(frame);
      // Past the first cut (dropAfter): the POST's connection was dropped and joined by GET.
      return answer && answer.text.length > 150 && answer;
    }, LIMIT);
    expect(first.rejoined).toBe(false);
    expect(first.status).toBe('streaming');
    const before = first.text;
    frame.contentWindow?.location.reload();
    const second = await until(() => {
      const answer = answerOf(frame);
      return answer && answer !== first && answer;
    }, LIMIT);
    expect(second.rejoined).toBe(true);
    await until(() => second.status === 'done', LIMIT);
    expect(expected.startsWith(before)).toBe(true);
    expect(second.text).toBe(expected);
    expect(sessionStorage.length).toBe(0);
  });
});
