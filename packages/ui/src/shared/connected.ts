import type { StreamHookOptions } from '@ssekit/react';

/** Props every connected component shares. */
export interface ConnectedProps {
  /** The SSE endpoint; `null` keeps the component disconnected. */
  url: string | null;
  /** Connection options passed to the hook (retry, headers, idleTimeoutMs, batch, ...). */
  options?: StreamHookOptions;
}
