import { useSSE } from '@ssekit/react';
import type { ConnectedProps } from '../shared/connected';
import { ConnectionStatusView, type ConnectionStatusViewProps } from './ConnectionStatusView';

export interface ConnectionStatusProps
  extends ConnectedProps,
    Omit<ConnectionStatusViewProps, 'status' | 'error' | 'onReconnect'> {}

const ignore = () => null;
const keep = (state: null) => state;

/**
 * The state of the connection to `url` (connected), with a Reconnect button. It joins the
 * shared connection of other hooks on the same request rather than opening another one.
 *
 * @example
 * <ConnectionStatus url="/sse/ticker" />
 */
export function ConnectionStatus({ url, options, ...view }: ConnectionStatusProps) {
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
      status={result.status}
      error={result.error}
      nextRetryAt={result.nextRetryAt}
      onReconnect={result.reconnect}
    />
  );
}
