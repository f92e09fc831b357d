import type { Feed } from '../feed';
import { numbered } from '../feed';
import { createRandom, hashSeed, type Random } from '../random';

export const DEFAULT_CHAT_RATE = 40;
export const XSS_TEXT = '<img src=x onerror=alert(1)> and <script>alert(1)</script>';

const LISTS = [
  [
    'Keep the connection open with a heartbeat comment',
    'Send an `id` with every event',
    'Honour `Last-Event-ID` on reconnect',
  ],
  ['Parse lines as they arrive', 'Join `data` lines with a newline', 'Dispatch on the blank line'],
  [
    'Batch renders to one per frame',
    'Bound every buffer',
    'Release timers when the component unmounts',
  ],
];

const CODE = [
  "```ts\nconst stream = connect('/sse/ticker');\nstream.on('quote', (e) => console.log(JSON.parse(e.data)));\n```",
  "```tsx\nfunction Price() {\n  const { data } = useSSE('/sse/ticker', { event: 'quote' });\n  return <span>{data?.price}</span>;\n}\n```",
  '```http\nGET /sse/notifications HTTP/1.1\nAccept: text/event-stream\nLast-Event-ID: 41\n```',
];

const LINKS = [
  '[the HTML standard](https://html.spec.whatwg.org/multipage/server-sent-events.html)',
  '[MDN on EventSource](https://developer.mozilla.org/en-US/docs/Web/API/EventSource)',
];

/** A markdown answer: paragraphs, emphasis, a list, a code block and a link. */
export function chatAnswer(prompt: string, random: Random, xss: boolean): string {
  const topic = prompt.trim().replace(/\s+/g, ' ').slice(0, 80) || 'server-sent events';
  const items = random.pick(LISTS);
  const parts = [
    `You asked about **${topic}**. Here is a short answer, with an example you can *copy*.`,
    items.map((item, i) => (random.chance(0.5) ? `${i + 1}. ${item}` : `- ${item}`)).join('\n'),
    random.pick(CODE),
    `For the details, see ${random.pick(LINKS)}. The stream _resumes_ where it stopped, so nothing is lost.`,
  ];
  if (xss) parts.splice(1, 0, `Untrusted text must stay text: ${XSS_TEXT} must not run.`);
  return parts.join('\n\n');
}

/** Splits text into tokens of a few characters; leading whitespace joins the next token. */
export function tokenize(text: string, random: Random): string[] {
  const tokens: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const space = /^\s*/.exec(text.slice(pos))?.[0].length ?? 0;
    const end = Math.min(text.length, pos + space + random.int(1, 5));
    tokens.push(text.slice(pos, end));
    pos = end;
  }
  return tokens;
}

/**
 * `token` events that spell out the answer to `prompt`, then `done`. `maxTokens` cuts the answer
 * short; `onToken` runs as each token is generated (so a stopped stream generates no more).
 */
export function chatFeed(
  seed: string,
  prompt: string,
  options: { maxTokens?: number | undefined; xss?: boolean; onToken?: () => void },
): Feed {
  const random = createRandom(hashSeed('chat', seed, prompt));
  const tokens = tokenize(chatAnswer(prompt, random, options.xss ?? false), random).slice(
    0,
    options.maxTokens,
  );
  return numbered((index) => {
    if (index === tokens.length) return { event: 'done', data: { finishReason: 'stop' } };
    options.onToken?.();
    return { event: 'token', data: { text: tokens[index] } };
  }, tokens.length + 1);
}
