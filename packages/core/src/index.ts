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
export type { Transport, TransportRequest, TransportSink } from './transport';
export type {
  ConnectOptions,
  ErrorListener,
  EventStream,
  HeadersOption,
  HeadersRecord,
  RetryOptions,
  SSEEvent,
  SSEEventListener,
  StatusListener,
  StreamStatus,
} from './types';
