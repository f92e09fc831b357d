'use client';

export type { SSEQueryOptions, SSEQueryResultOptions } from './sse-query-options';
export { sseQueryOptions } from './sse-query-options';
export type {
  InvalidationMap,
  UseSSEInvalidationOptions,
} from './use-sse-invalidation';
export { useSSEInvalidation } from './use-sse-invalidation';
export type { UseSSEQueryOptions } from './use-sse-query';
export { useSSEQuery } from './use-sse-query';
