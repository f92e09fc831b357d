'use client';

// The core values and types a hook user needs, so an app imports everything from here.
export type {
  ConnectOptions,
  CrossTab,
  EventStream,
  HeadersOption,
  HeadersRecord,
  PageLifecycle,
  PageLifecycleOptions,
  RetryOptions,
  SSEEvent,
  StreamReset,
  StreamStatus,
  Transport,
} from '@ssekit/core';
export {
  ContentTypeError,
  crossTab,
  EventTooLargeError,
  eventSourceTransport,
  HttpError,
  pageLifecycle,
  RetryLimitError,
  SSEError,
} from '@ssekit/core';
export type { BatchMode } from './batch';
export { parseJsonOrText, tokenText } from './parse';
export type { SSEProviderProps } from './provider';
export { SSEProvider } from './provider';
export type { SSEDefaults } from './request';
export type { TokenStatus } from './token-store';
export type {
  UseEventStreamOptions,
  UseEventStreamResult,
} from './use-event-stream';
export { useEventStream } from './use-event-stream';
export type { UseSSEOptions, UseSSEResult } from './use-sse';
export { useSSE } from './use-sse';
export type { UseSSEEventOptions } from './use-sse-event';
export { useSSEEvent } from './use-sse-event';
export type { StreamHookOptions, StreamHookState } from './use-stream';
export type { UseTokenStreamOptions, UseTokenStreamResult } from './use-token-stream';
export { useTokenStream } from './use-token-stream';
