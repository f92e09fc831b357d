export { connect } from './connect';
export type { CrossTab } from './cross-tab';
export { crossTab } from './cross-tab';
export {
  ContentTypeError,
  EventTooLargeError,
  HttpError,
  RetryLimitError,
  SSEError,
} from './errors';
export { eventSourceTransport } from './eventsource-transport';
export type { Hub, HubOptions, SharedConnectOptions } from './hub';
export { createHub, getDefaultHub } from './hub';
export type { InspectedRole, InspectedStream, Inspector, StreamProbe } from './inspect';
export { inspect, inspected, inspectedStreams } from './inspect';
export type { PageControl, PageLifecycle, PageLifecycleOptions } from './page-lifecycle';
export { pageLifecycle } from './page-lifecycle';
export type { Parser, ParserHandlers, ParserOptions } from './parser';
export { createParser } from './parser';
export { aiSdkUIMessages } from './protocols/ai-sdk-ui-messages';
export { anthropicMessages } from './protocols/anthropic-messages';
export { openAIChat } from './protocols/openai-chat';
export { openAIResponses } from './protocols/openai-responses';
export type {
  TokenPart,
  TokenPartDelta,
  TokenProtocol,
  TokenReader,
  TokenStep,
} from './protocols/protocol';
export { joinPart, ProviderError } from './protocols/protocol';
export { ssekitTokens } from './protocols/ssekit-tokens';
export { requestKey } from './request-key';
export type { RunInfo } from './run-protocol';
export { parseRunEventId, RUN_EVENT, RUN_ID_HEADER } from './run-protocol';
export type { Transport, TransportRequest, TransportSink } from './transport';
export type {
  ConnectOptions,
  ErrorListener,
  EventStream,
  HeadersOption,
  HeadersRecord,
  ResetListener,
  RetryOptions,
  SSEEvent,
  SSEEventListener,
  StatusListener,
  StreamReset,
  StreamStatus,
} from './types';
