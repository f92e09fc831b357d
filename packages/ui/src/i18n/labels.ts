/**
 * A message: a string with `{name}` placeholders, or plural forms chosen with
 * `Intl.PluralRules` by the `count` value (`other` is required, the rest are optional).
 */
export type Message = string | PluralMessage;

/** Plural forms of a message, by `Intl.PluralRules` category. */
export type PluralMessage = { other: string } & Partial<
  Record<'zero' | 'one' | 'two' | 'few' | 'many', string>
>;

/** Words for a stream's state, shared by every component (ConnectionStatus shows them as they are). */
export interface StatusLabels {
  /** Prefix of ConnectionStatus's text when no `label` is given. */
  label: string;
  /** ConnectionStatus's text: `{label}` and `{status}`. */
  text: string;
  connecting: string;
  open: string;
  /** Reconnecting with no time known. */
  reconnecting: string;
  /** `{in}` is the time to the next attempt from `Intl.RelativeTimeFormat` ("in 3 seconds"). */
  reconnectingIn: string;
  reconnectingNow: string;
  closed: string;
  /** `{label}` and `{error}`. */
  failed: string;
  unknownError: string;
  /** The Reconnect button. */
  reconnect: string;
}

/** Ticker's words. */
export interface TickerLabels {
  /** Caption (accessible name) of the table. */
  label: string;
  symbol: string;
  price: string;
  change: string;
  changePercent: string;
  /** Before the first quote while connecting. */
  waiting: string;
  /** Connected, no quote yet. */
  empty: string;
  /** While reconnecting, above the last known prices. */
  stale: string;
  /** The stream failed for good: `{error}`. */
  failed: string;
}

/** Words of a notification, in the feed and in toasts. */
export interface NotificationLabels {
  info: string;
  success: string;
  warning: string;
  error: string;
  /** The link of a notification with `href`. */
  details: string;
  /** A dismiss button's name: `{title}`. */
  dismiss: string;
  /** Marks an unread item (visible badge and its accessible text). */
  unreadItem: string;
  /** The live-region announcement: `{kind}`, `{title}`. */
  announce: string;
  /** The announcement of an item with a body: `{kind}`, `{title}`, `{body}`. */
  announceBody: string;
}

/** NotificationFeed's words. */
export interface FeedLabels {
  /** Heading of the feed. */
  title: string;
  /** Unread count: `{count}` (plural). */
  unread: Message;
  markAllRead: string;
  /** Connected, nothing received. */
  empty: string;
  /** Before anything arrived, while connecting. */
  waiting: string;
  /** The stream failed for good: `{error}`. */
  failed: string;
}

/** ToastViewport's words. */
export interface ToastLabels {
  /** Accessible name of the toast region. */
  toastsLabel: string;
  /** Toasts waiting behind the visible ones: `{count}` (plural). */
  queued: Message;
}

/** ProgressBar's words (the value text joins its parts with `Intl.ListFormat`). */
export interface ProgressLabels {
  label: string;
  /** No percent known yet. */
  working: string;
  /** The time left: `{duration}` (`Intl.NumberFormat` units joined by `Intl.ListFormat`). */
  eta: string;
  done: string;
  /** `{error}`. */
  failed: string;
  /** When the job gives no reason. */
  failedUnknown: string;
}

/** TokenStream's words. */
export interface TokenStreamLabels {
  label: string;
  stop: string;
  /** Streaming, no token yet. */
  waiting: string;
  stopped: string;
  /** `{error}`. */
  failed: string;
  /** Failed with no reason given. */
  failedUnknown: string;
}

/** LogStream's words. */
export interface LogLabels {
  label: string;
  jump: string;
  /** No line yet. */
  waiting: string;
  /** The `end` event said success. */
  done: string;
  /** The `end` event said failed. */
  failed: string;
  /** The stream failed for good: `{error}`. */
  streamFailed: string;
  debug: string;
  info: string;
  warn: string;
  error: string;
}

/** Every user-visible and announced string of @ssekit/ui, by component. */
export interface Labels {
  /** BCP 47 locale of the words, used for `Intl.*` unless a `locale` is given. */
  locale: string;
  /** `Intl.DateTimeFormat` options of clock times (notification times). */
  time: Intl.DateTimeFormatOptions;
  status: StatusLabels;
  ticker: TickerLabels;
  notification: NotificationLabels;
  feed: FeedLabels;
  toasts: ToastLabels;
  progress: ProgressLabels;
  tokenStream: TokenStreamLabels;
  log: LogLabels;
}

/** The groups of a label set. */
export type LabelGroup = Exclude<keyof Labels, 'locale' | 'time'>;

/** A label set to pass to `LocaleProvider`: any part of `Labels`; what is missing stays English. */
export type LabelSet = { locale?: string; time?: Intl.DateTimeFormatOptions } & {
  [G in LabelGroup]?: Partial<Labels[G]>;
};

/** English: the default and the fallback for every missing label. */
export const en: Labels = {
  locale: 'en',
  time: { timeStyle: 'short' },
  status: {
    label: 'Connection',
    text: '{label}: {status}',
    connecting: 'connecting…',
    open: 'live',
    reconnecting: 'reconnecting…',
    reconnectingIn: 'reconnecting {in}',
    reconnectingNow: 'reconnecting now',
    closed: 'closed',
    failed: '{label} failed: {error}',
    unknownError: 'unknown error',
    reconnect: 'Reconnect',
  },
  ticker: {
    label: 'Prices',
    symbol: 'Symbol',
    price: 'Price',
    change: 'Change',
    changePercent: 'Change %',
    waiting: 'Connecting… waiting for prices',
    empty: 'Waiting for prices…',
    stale: 'Reconnecting… prices may be out of date',
    failed: 'Prices unavailable: {error}',
  },
  notification: {
    info: 'Info',
    success: 'Success',
    warning: 'Warning',
    error: 'Error',
    details: 'Details',
    dismiss: 'Dismiss: {title}',
    unreadItem: 'New',
    announce: '{kind}: {title}',
    announceBody: '{kind}: {title}. {body}',
  },
  feed: {
    title: 'Notifications',
    unread: { one: '{count} unread', other: '{count} unread' },
    markAllRead: 'Mark all as read',
    empty: 'No notifications yet',
    waiting: 'Connecting… new notifications will show here',
    failed: 'Notifications unavailable: {error}',
  },
  toasts: {
    toastsLabel: 'Notification toasts',
    queued: { one: '{count} more waiting', other: '{count} more waiting' },
  },
  progress: {
    label: 'Progress',
    working: 'Working…',
    eta: 'about {duration} left',
    done: 'Done',
    failed: 'Failed: {error}',
    failedUnknown: 'Failed',
  },
  tokenStream: {
    label: 'Answer',
    stop: 'Stop',
    waiting: 'Thinking…',
    stopped: 'Stopped',
    failed: 'Failed: {error}',
    failedUnknown: 'Failed: the answer could not be completed',
  },
  log: {
    label: 'Log',
    jump: 'Jump to latest',
    waiting: 'Waiting for output…',
    done: 'Done: finished successfully',
    failed: 'Failed: finished with errors',
    streamFailed: 'Log unavailable: {error}',
    debug: 'debug',
    info: 'info',
    warn: 'warn',
    error: 'error',
  },
};
