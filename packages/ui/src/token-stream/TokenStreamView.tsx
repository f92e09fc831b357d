import { forwardRef } from 'react';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import { LiveAnnouncer } from '../shared/VisuallyHidden';
import { Markdown } from './Markdown';
import { plainText } from './markdown';

/** Where an answer is: `idle` before start, `streaming`, then `done`, `error` or `stopped`. */
export type TokenStreamStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

/** TokenStreamView's own props (besides the root `section`'s HTML attributes). */
export interface TokenStreamViewOwnProps extends StyleProps {
  /** The answer so far (markdown). */
  text: string;
  status: TokenStreamStatus;
  error?: Error | null;
  /** When given, a Stop button shows while streaming. */
  onStop?: () => void;
  /** Accessible name of the answer region. Default `Answer`. */
  label?: string;
}

/** TokenStreamView's props: its own plus the HTML attributes of its root `section`. */
export type TokenStreamViewProps = RootProps<TokenStreamViewOwnProps, 'section'>;

/**
 * An answer as it streams (controlled): markdown rendered as React elements,
 * a caret while streaming, and the finished answer announced once.
 */
export const TokenStreamView = forwardRef<HTMLElement, TokenStreamViewProps>(
  function TokenStreamView(
    { text, status, error, onStop, label = 'Answer', className, unstyled, ...rest },
    ref,
  ) {
    const streaming = status === 'streaming';
    const caret = (
      <span
        className={partClass('token-stream-caret', unstyled)}
        data-ssekit="token-stream-caret"
        aria-hidden="true"
      />
    );
    return (
      <section
        {...rest}
        ref={ref}
        className={partClass('token-stream', unstyled, className)}
        data-ssekit="token-stream"
        data-state={status}
        aria-label={label}
        aria-busy={streaming}
      >
        <div
          className={partClass('token-stream-content', unstyled)}
          data-ssekit="token-stream-content"
        >
          <Markdown text={text} streaming={streaming} caret={caret} unstyled={unstyled} />
        </div>
        {status === 'stopped' && (
          <p className={partClass('token-stream-note', unstyled)} data-ssekit="token-stream-note">
            Stopped.
          </p>
        )}
        {status === 'error' && (
          <p
            className={partClass('token-stream-error', unstyled)}
            data-ssekit="token-stream-error"
            role="alert"
          >
            {error?.message ?? 'The answer could not be completed.'}
          </p>
        )}
        {onStop && streaming && (
          <button
            type="button"
            className={partClass('button', unstyled)}
            data-ssekit="token-stream-stop"
            onClick={onStop}
          >
            Stop
          </button>
        )}
        <LiveAnnouncer
          part="token-stream-announcer"
          message={status === 'done' ? plainText(text) : ''}
        />
      </section>
    );
  },
);
