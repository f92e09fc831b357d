/** One stream for every component of the page: they share one request. */
export const TICKER = '/sse/ticker?symbols=MSFT&rate=20';
