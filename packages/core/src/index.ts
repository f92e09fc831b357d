export {
  ContentTypeError,
  EventTooLargeError,
  HttpError,
  RetryLimitError,
  SSEError,
} from './errors';
export type {
  ConnectOptions,
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
