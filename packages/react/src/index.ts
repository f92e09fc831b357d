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
  RunInfo,
  SSEEvent,
  StreamReset,
  StreamStatus,
  TokenPart,
  TokenPartDelta,
  TokenProtocol,
  TokenReader,
  TokenStep,
  Transport,
} from '@ssekit/core';
export {
  aiSdkUIMessages,
  anthropicMessages,
  ContentTypeError,
  crossTab,
  EventTooLargeError,
  eventSourceTransport,
  HttpError,
  openAIChat,
  openAIResponses,
  ProviderError,
  pageLifecycle,
  RetryLimitError,
  SSEError,
  ssekitTokens,
} from '@ssekit/core';
export type { BatchMode } from './batch';
export { parseJsonOrText, tokenText } from './parse';
export type { SSEProviderProps } from './provider';
export { SSEProvider } from './provider';
export type { SSEDefaults } from './request';
export type { SmoothOptions } from './smooth-text';
export type { TokenSnapshot, TokenStatus } from './token-store';
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
