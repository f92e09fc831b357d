export { connect } from './connect';
export {
  ContentTypeError,
  EventTooLargeError,
  HttpError,
  RetryLimitError,
  SSEError,
} from './errors';
export type { Hub, HubOptions, SharedConnectOptions } from './hub';
export { createHub, getDefaultHub } from './hub';
export type { Parser, ParserHandlers, ParserOptions } from './parser';
export { createParser } from './parser';
export type {
  ConnectOptions,
  ErrorListener,
  EventListener,
  EventStream,
  HeadersOption,
  HeadersRecord,
  RetryOptions,
  SSEEvent,
  StatusListener,
  StreamStatus,
  TransportName,
} from './types';
