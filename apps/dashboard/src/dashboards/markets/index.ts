export { MarketsDashboard, type MarketsDashboardProps, OVERVIEW_SYMBOLS } from './MarketsDashboard';
export { type PricePoint, type Quote, type QuotesState, quotesReducer } from './quotes';
export { useQuotes } from './useQuotes';
