export type { SSEMessage } from './format';
export { formatEvent, SSEFormatError } from './format';
export type { NodeRequest, NodeResponse } from './node';
export { createSession } from './node';
export type { Session, SessionOptions } from './session';
export { createResponse } from './web';
