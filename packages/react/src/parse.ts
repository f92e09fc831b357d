import type { SSEEvent } from '@ssekit/core';

/** Turns an event's data into a value. */
export type ParseFn<V> = (data: string, event: SSEEvent) => V;

/** An event's value: `parse` when given, else JSON with the raw string as fallback. */
export function eventValue<V>(event: SSEEvent, parse?: ParseFn<V>): V {
  return parse ? parse(event.data, event) : (parseJsonOrText(event.data) as V);
}

/** `JSON.parse`, or the raw string when the data is not JSON. */
export function parseJsonOrText(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * The text piece of a token event: `{ "text": "..." }` gives its `text`, a JSON string gives
 * the string, anything else gives the raw data.
 */
export function tokenText(data: string): string {
  const value = parseJsonOrText(data);
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'text' in value) {
    const { text } = value as { text: unknown };
    if (typeof text === 'string') return text;
  }
  return data;
}
