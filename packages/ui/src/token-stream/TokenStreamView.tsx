import { forwardRef } from 'react';
import { useText } from '../i18n/LocaleProvider';
import type { TokenStreamLabels } from '../i18n/labels';
import { partClass, type StyleProps } from '../shared/classes';
import type { RootProps } from '../shared/props';
import { LiveAnnouncer } from '../shared/VisuallyHidden';
import { Markdown } from './Markdown';
import { plainText } from './markdown';

/** Where an answer is: `idle` before start, `streaming`, then `done`, `error` or `stopped`. */
export type TokenStreamStatus = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

/** TokenStreamView's own props (besides the root `article`'s HTML attributes). */
export interface TokenStreamViewOwnProps extends StyleProps {
  /** The answer so far (markdown). */
  text: string;
  status: TokenStreamStatus;
  error?: Error | null;
  /** When given, a Stop button shows while streaming. */
  onStop?: () => void;
  /** Accessible name of the answer region. Default: the `label` label (`Answer`). */
  label?: string;
  /** Words of this answer, over the `LocaleProvider`'s (English by default). */
  labels?: Partial<TokenStreamLabels>;
}

/** TokenStreamView's props: its own plus the HTML attributes of its root `article`. */
export type TokenStreamViewProps = RootProps<TokenStreamViewOwnProps, 'article'>;

/**
 * An answer as it streams (controlled), an `article` (a chat holds many, so not a landmark): markdown rendered as React elements, a waiting note
 * before the first token, a caret while streaming, and the finished answer announced once.
 */
export const TokenStreamView = forwardRef<HTMLElement, TokenStreamViewProps>(
  function TokenStreamView(
    { text, status, error, onStop, label, labels, className, unstyled, ...rest },
    ref,
  ) {
    const { labels: l, t } = useText('tokenStream', labels);
    const streaming = status === 'streaming';
    const caret = (
      <span
        className={partClass('token-stream-caret', unstyled)}
        data-ssekit="token-stream-caret"
        aria-hidden="true"
      />
    );
    return (
      <article
        {...rest}
        ref={ref}
        className={partClass('token-stream', unstyled, className)}
        data-ssekit="token-stream"
        data-state={status}
        aria-label={label ?? l.label}
        aria-busy={streaming}
      >
        <div
          className={partClass('token-stream-content', unstyled)}
          data-ssekit="token-stream-content"
        >
          {streaming && text === '' && (
            <span
              className={partClass('token-stream-waiting', unstyled)}
              data-ssekit="token-stream-waiting"
            >
              {l.waiting}
            </span>
          )}
          <Markdown text={text} streaming={streaming} caret={caret} unstyled={unstyled} />
        </div>
        {status === 'stopped' && (
          <p className={partClass('token-stream-note', unstyled)} data-ssekit="token-stream-note">
            {l.stopped}
          </p>
        )}
        {status === 'error' && (
          <p
            className={partClass('token-stream-error', unstyled)}
            data-ssekit="token-stream-error"
            role="alert"
          >
            {error?.message ? t('failed', { error: error.message }) : l.failedUnknown}
          </p>
        )}
        {onStop && streaming && (
          <button
            type="button"
            className={partClass('button', unstyled)}
            data-ssekit="token-stream-stop"
            onClick={onStop}
          >
            {l.stop}
          </button>
        )}
        <LiveAnnouncer
          part="token-stream-announcer"
          message={status === 'done' ? plainText(text) : ''}
        />
      </article>
    );
  },
);
