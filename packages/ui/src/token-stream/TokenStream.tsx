import { type TokenProtocol, type UseTokenStreamOptions, useTokenStream } from '@ssekit/react';
import { forwardRef, useEffect } from 'react';
import { TokenStreamView, type TokenStreamViewProps } from './TokenStreamView';

/** TokenStream's props: the request, and every TokenStreamView prop but the answer's state. */
export type TokenStreamProps = Omit<TokenStreamViewProps, 'text' | 'status' | 'error' | 'onStop'> &
  TokenStreamOwnProps;

/** What TokenStream adds to TokenStreamView's props. */
export interface TokenStreamOwnProps {
  /** The endpoint answering a POST with a token stream. */
  url: string;
  /** Sent as `{ prompt }`; a new prompt starts a new answer. */
  prompt?: string;
  /** Sent as the JSON body instead of `{ prompt }`. */
  body?: unknown;
  /** Start when mounted and when the prompt changes. Default true. */
  autoStart?: boolean;
  /** The answers' wire format (`openAIChat`, `anthropicMessages`, ...); default `ssekitTokens`. */
  protocol?: TokenProtocol;
  /** Reveal bursty text evenly; off by default (see `useTokenStream`'s `smooth`). */
  smooth?: UseTokenStreamOptions['smooth'];
  /** Options for the hook (headers, resume key, ...). */
  options?: Omit<UseTokenStreamOptions, 'url'>;
}

/**
 * An AI answer streamed from a POST endpoint (connected), with a Stop button while it streams.
 * The ref and any HTML attributes go to the root element.
 *
 * @example
 * <TokenStream url="/sse/chat" prompt="Explain SSE" />
 */
export const TokenStream = forwardRef<HTMLElement, TokenStreamProps>(function TokenStream(
  { url, prompt, body, autoStart = true, protocol, smooth, options, ...view },
  ref,
) {
  const { text, status, error, start, stop } = useTokenStream({
    ...options,
    url,
    ...(protocol && { protocol }),
    ...(smooth !== undefined && { smooth }),
  });
  const payload = body ?? (prompt === undefined ? undefined : { prompt });
  const key = JSON.stringify(payload ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the payload's identity
  useEffect(() => {
    if (!autoStart) return;
    // Started after the commit, so StrictMode's mount, unmount and mount send one request.
    let live = true;
    queueMicrotask(() => live && start(payload));
    return () => {
      live = false;
    };
  }, [key, autoStart, url, start]);
  return (
    <TokenStreamView {...view} ref={ref} text={text} status={status} error={error} onStop={stop} />
  );
});
