import { useSSE } from '@ssekit/react';
import { useMemo } from 'react';
import { emptyQuotes, type QuotesState, quotesReducer, type WindowOptions } from './quotes';

/** The symbols as the ticker stream's query value: trimmed, upper case, no duplicates. */
export function symbolsParam(symbols: readonly string[]): string {
  return [...new Set(symbols.map((s) => s.trim().toUpperCase()).filter(Boolean))].join(',');
}

/**
 * Live quotes of `symbols` from `GET <baseUrl>/sse/ticker?symbols=...` (event `quote`). A new
 * list is a new URL: the hook closes the old stream and starts again from an empty state.
 * `null` symbols (or an empty list) means not connected.
 */
export function useQuotes(
  baseUrl: string,
  symbols: readonly string[] | null,
  { rate, ...window }: WindowOptions & { rate?: number } = {},
) {
  const param = symbols ? symbolsParam(symbols) : '';
  const url = param
    ? `${baseUrl}/sse/ticker?symbols=${param}${rate === undefined ? '' : `&rate=${rate}`}`
    : null;
  const { windowMs, maxPoints } = window;
  const reduce = useMemo(() => quotesReducer({ windowMs, maxPoints }), [windowMs, maxPoints]);
  return useSSE<unknown, QuotesState>(url, { event: 'quote', initial: emptyQuotes, reduce });
}
