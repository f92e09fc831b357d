import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { type FaultArgs, faultArgTypes, mockUrl } from '../shared/storyArgs';
import { TokenStream } from './TokenStream';
import { type TokenStreamStatus, TokenStreamView } from './TokenStreamView';

type Args = FaultArgs & {
  prompt: string;
  tokens: number;
  xss: boolean;
  label: string;
  unstyled: boolean;
};

const meta: Meta<Args> = {
  title: 'Components/TokenStream',
  component: TokenStream as unknown as ComponentType<Args>,
  parameters: {
    docs: {
      description: {
        component: [
          '`<TokenStream url="/api/chat" prompt="Explain SSE" />` POSTs `{ prompt }` and renders the answer as it',
          'streams, with a Stop button. Controlled: `<TokenStreamView text={text} status="streaming" onStop={stop} />`.',
          'Markdown (paragraphs, emphasis, code, lists, http(s)/mailto links) is turned into React elements by a',
          'small tokenizer; raw HTML stays text. The finished answer is announced once.',
        ].join(' '),
      },
    },
  },
  args: {
    prompt: 'What is SSE?',
    tokens: 200,
    xss: false,
    rate: 80,
    label: 'Answer',
    unstyled: false,
  },
  argTypes: {
    ...faultArgTypes,
    tokens: { control: { type: 'number' }, description: 'Limit the answer to this many tokens' },
    xss: { control: 'boolean', description: 'Answer with <img onerror> and <script> payloads' },
  },
  render: ({ prompt, tokens, xss, label, unstyled, ...faults }) => (
    <TokenStream
      url={mockUrl('/sse/chat', faults, { tokens, payload: xss ? 'xss' : undefined })}
      prompt={prompt}
      label={label}
      unstyled={unstyled}
    />
  ),
};

export default meta;
type Story = StoryObj<Args>;

const region = (el: HTMLElement) => within(el).getByRole('article', { name: 'Answer' });

/** A streamed answer: it finishes, the caret goes, and the answer is announced. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(region(canvasElement).getAttribute('data-state')).toBe('done'), {
      timeout: 10_000,
    });
    expect(canvasElement.querySelector('[data-ssekit="token-stream-caret"]')).toBeNull();
    const announced = within(canvasElement).getByRole('status').textContent ?? '';
    expect(announced.length).toBeGreaterThan(10);
  },
};

/** Stop while streaming: the text so far stays. */
export const Stop: Story = {
  args: { tokens: 400, rate: 40 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const stop = await canvas.findByRole('button', { name: 'Stop' }, { timeout: 5000 });
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssekit="md-paragraph"]')).not.toBeNull(),
      {
        timeout: 5000,
      },
    );
    stop.click();
    await waitFor(() => expect(region(canvasElement).getAttribute('data-state')).toBe('stopped'));
    expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull();
  },
};

/** The answer carries `<img src=x onerror=...>` and `<script>`: shown as text, nothing runs. */
export const XssPayload: Story = {
  args: { xss: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(region(canvasElement).getAttribute('data-state')).toBe('done'), {
      timeout: 20_000, // the whole answer streams at a visible pace; slow on a loaded machine
    });
    const content = canvasElement.querySelector('[data-ssekit="token-stream-content"]')!;
    expect(content.querySelector('img, script')).toBeNull();
    expect(content.textContent).toContain('<img src=x onerror=');
    expect(content.textContent).toContain('<script>');
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  },
};

const sample = [
  'Server-Sent Events keep **one HTTP response** open and push *events* down it.',
  '',
  '- reconnects with `Last-Event-ID`',
  '- works through proxies',
  '',
  '```ts',
  "const stream = connect('/sse/ticker');",
  '```',
  '',
  'Read more on [MDN](https://developer.mozilla.org/docs/Web/API/Server-sent_events) or',
  '[this unsafe link](javascript:window.__xss=true) and <img src=x onerror="window.__xss=true">.',
].join('\n');

type ViewArgs = { text: string; status: TokenStreamStatus };

/** The controlled form: paste any markdown. */
export const Controlled: StoryObj<ViewArgs> = {
  args: { text: sample, status: 'done' },
  argTypes: {
    text: { control: 'text' },
    status: { control: 'inline-radio', options: ['idle', 'streaming', 'done', 'error', 'stopped'] },
  },
  render: ({ text, status }) => <TokenStreamView text={text} status={status} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      'https://developer.mozilla.org/docs/Web/API/Server-sent_events',
    ]);
    expect(canvasElement.querySelector('pre code')?.textContent).toBe(
      "const stream = connect('/sse/ticker');",
    );
    expect(canvasElement.querySelector('img')).toBeNull();
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  },
};

/** Mid-stream with unfinished syntax: an open code fence and an unclosed `**`. */
export const Unfinished: StoryObj<ViewArgs> = {
  ...Controlled,
  args: { text: 'Here is **bold\n\n```js\nconst a = 1;', status: 'streaming' },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getByText('Here is **bold')).toBeTruthy();
    expect(canvasElement.querySelector('pre')?.getAttribute('data-state')).toBe('open');
    expect(canvasElement.querySelector('[data-ssekit="token-stream-caret"]')).not.toBeNull();
  },
};
