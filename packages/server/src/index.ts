export type {
  Channel,
  ChannelOptions,
  SubscribeOptions,
  Subscriber,
} from './channel';
export { createChannel, OLDEST_ID_HEADER, RESET_EVENT } from './channel';
export type { Cors, CorsOptions } from './cors';
export { createCors, originMatcher } from './cors';
export type { SSEMessage } from './format';
export { formatEvent, SSEFormatError } from './format';
export type { History, Replay } from './history';
export { createHistory } from './history';
export type { Limiter, LimiterOptions, Rejection } from './limiter';
export { createLimiter } from './limiter';
export type { NodeRequest, NodeResponse } from './node';
export { createSession } from './node';
export type { Following, RunMessage, RunStore } from './run-store';
export { memoryRunStore } from './run-store';
export type { Generate, RunContext, RunEvents, Runs, RunsOptions } from './runs';
export { createRuns } from './runs';
export type { Session, SessionOptions } from './session';
export type { Upstream } from './upstream';
export { createResponse } from './web';
