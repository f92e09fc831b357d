'use client';

// Connected components take a `url` and use the @ssekit/react hooks; `*View` components are the
// controlled forms: pure props, for apps with their own transport.

export { ConnectionStatus, type ConnectionStatusProps } from './connection-status/ConnectionStatus';
export {
  ConnectionStatusView,
  type ConnectionStatusViewProps,
} from './connection-status/ConnectionStatusView';
export { ko } from './i18n/ko';
export { LocaleProvider, type LocaleProviderProps } from './i18n/LocaleProvider';
export {
  en,
  type FeedLabels,
  type LabelSet,
  type Labels,
  type LogLabels,
  type Message,
  type NotificationLabels,
  type PluralMessage,
  type ProgressLabels,
  type StatusLabels,
  type TickerLabels,
  type ToastLabels,
  type TokenStreamLabels,
} from './i18n/labels';
export { type AnsiSegment, parseAnsi } from './log-stream/ansi';
export { LogStream, type LogStreamProps } from './log-stream/LogStream';
export { type LogLine, LogStreamView, type LogStreamViewProps } from './log-stream/LogStreamView';

export { NotificationFeed, type NotificationFeedProps } from './notifications/NotificationFeed';
export {
  NotificationFeedView,
  type NotificationFeedViewProps,
} from './notifications/NotificationFeedView';
export { ToastViewport, type ToastViewportProps } from './notifications/ToastViewport';
export type { NotificationItem, NotificationKind } from './notifications/types';

export { ProgressBar, type ProgressBarProps } from './progress/ProgressBar';
export {
  ProgressBarView,
  type ProgressBarViewProps,
  type ProgressState,
} from './progress/ProgressBarView';
export { type JobProgress, progressReducer } from './progress/progressState';
export type { StyleProps } from './shared/classes';
export type { ConnectedProps } from './shared/connected';
export type { StreamStateProps, ViewState } from './shared/state';
export { Ticker, type TickerProps } from './ticker/Ticker';
export { TickerView, type TickerViewProps } from './ticker/TickerView';
export {
  emptyTicker,
  type Quote,
  type TickerRow,
  type TickerState,
  tickerReducer,
} from './ticker/tickerState';
export { Markdown, type MarkdownProps } from './token-stream/Markdown';
export { TokenStream, type TokenStreamProps } from './token-stream/TokenStream';
export {
  type TokenStreamStatus,
  TokenStreamView,
  type TokenStreamViewProps,
} from './token-stream/TokenStreamView';
