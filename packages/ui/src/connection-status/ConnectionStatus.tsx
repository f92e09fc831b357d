import { useSSE } from '@ssekit/react';
import { forwardRef } from 'react';
import type { ConnectedProps } from '../shared/connected';
import { ConnectionStatusView, type ConnectionStatusViewProps } from './ConnectionStatusView';

/** ConnectionStatus's props: the connection and every ConnectionStatusView prop but the state. */
export type ConnectionStatusProps = ConnectedProps &
  Omit<ConnectionStatusViewProps, 'status' | 'error' | 'nextRetryAt' | 'onReconnect'>;

const ignore = () => null;
const keep = (state: null) => state;

/**
 * The state of the connection to `url` (connected), with a Reconnect button. It joins the
 * shared connection of other hooks on the same request rather than opening another one.
 * The ref and any HTML attributes go to the root element.
 *
 * @example
 * <ConnectionStatus url="/sse/ticker" />
 */
export const ConnectionStatus = forwardRef<HTMLDivElement, ConnectionStatusProps>(
  function ConnectionStatus({ url, options, ...view }, ref) {
    const result = useSSE<null, null>(url, {
      ...options,
      event: '*',
      parse: ignore,
      reduce: keep,
      initial: null,
    });
    return (
      <ConnectionStatusView
        {...view}
        ref={ref}
        status={result.status}
        error={result.error}
        nextRetryAt={result.nextRetryAt}
        onReconnect={result.reconnect}
      />
    );
  },
);
