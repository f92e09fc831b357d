import { createHistory, type History, type SSEMessage } from '@ssekit/server';
import type { StreamSource } from '../engine';
import { MAX_RESUME_INDEX, processEpoch, resetMessage } from '../epochs';
import { createRandom, hashSeed } from '../random';
import { SwitchError } from '../switches';

export type NotificationKind = 'info' | 'success' | 'warning' | 'error';

/** Data of a `notification` event. */
export interface Notification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  href?: string;
  user?: string;
  time: number;
}

export const DEFAULT_NOTIFICATION_RATE = 1;
/** Published items waiting for a slow (or stalled) stream; older ones are dropped. */
const MAX_PENDING = 200;
const KINDS: readonly NotificationKind[] = ['info', 'success', 'warning', 'error'];

const TEMPLATES: Record<NotificationKind, Array<[string, string, string?]>> = {
  info: [
    ['New comment', 'Sam replied to "Q3 roadmap": "Looks good to me."', '/comments/42'],
    ['Maintenance window', 'The database will be read-only on Sunday from 02:00 to 03:00 UTC.'],
    ['New follower', 'Priya started following your project.', '/people/priya'],
  ],
  success: [
    ['Deploy finished', 'Build #2841 is live on production.', '/deploys/2841'],
    ['Payment received', 'Invoice INV-1029 was paid: $1,240.00.', '/invoices/1029'],
    ['Backup complete', 'Nightly backup stored (12.4 GB).'],
  ],
  warning: [
    ['Disk almost full', 'Volume /data is 91% full on db-2.', '/hosts/db-2'],
    ['Certificate expires soon', 'api.example.com expires in 9 days.'],
    ['Slow queries', '14 queries took longer than 2 s in the last hour.', '/metrics/db'],
  ],
  error: [
    ['Deploy failed', 'Build #2842 failed at "Run migrations".', '/deploys/2842'],
    ['Webhook failing', 'POST https://hooks.example.com/orders answered 502 five times.'],
    ['Job crashed', 'nightly-report exited with code 137 (out of memory).', '/jobs/nightly-report'],
  ],
};

const USER_TEMPLATES: Array<[NotificationKind, string, string]> = [
  ['info', 'Review requested', 'Alex asked you to review "Add SSE reconnect".'],
  ['success', 'Your export is ready', 'customers-2024.csv (2.1 MB) is ready to download.'],
  ['warning', 'Password expires soon', 'Your password expires in 3 days.'],
  ['info', 'You were mentioned', 'Jo mentioned you in #releases.'],
];

/** The generated part of a user's feed: a seeded mix of kinds, some items for `user` only. */
export function notificationGenerator(seed: string, user: string | undefined) {
  const random = createRandom(hashSeed('notifications', seed, user ?? ''));
  let count = 0;
  return (): Omit<Notification, 'time'> => {
    count++;
    const id = `n${count}`;
    if (user !== undefined && random.chance(0.35)) {
      const [kind, title, body] = random.pick(USER_TEMPLATES);
      return {
        id,
        kind,
        title,
        body,
        href: `https://example.com/users/${encodeURIComponent(user)}`,
        user,
      };
    }
    const roll = random.next();
    const kind: NotificationKind =
      roll < 0.4 ? 'info' : roll < 0.65 ? 'success' : roll < 0.85 ? 'warning' : 'error';
    const [title, body, path] = random.pick(TEMPLATES[kind]);
    return {
      id,
      kind,
      title,
      body,
      ...(path !== undefined && { href: `https://example.com${path}` }),
    };
  };
}

/** Reads a `POST /sse/notifications` body; throws {@link SwitchError} naming the bad field. */
export function parseNotification(body: unknown): Omit<Notification, 'id' | 'time'> {
  if (typeof body !== 'object' || body === null)
    throw new SwitchError('body', String(body), 'a JSON object');
  const { kind = 'info', title, body: text = '', user, href } = body as Record<string, unknown>;
  const str = (name: string, value: unknown, max: number, required = false) => {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.length > max || (required && value === '')) {
      throw new SwitchError(name, String(value), `a string of up to ${max} characters`);
    }
    return value;
  };
  if (!KINDS.includes(kind as NotificationKind)) {
    throw new SwitchError('kind', String(kind), KINDS.join(', '));
  }
  const out: Omit<Notification, 'id' | 'time'> = {
    kind: kind as NotificationKind,
    title: str('title', title, 200, true)!,
    body: str('body', text, 2000) ?? '',
  };
  const u = str('user', user, 100);
  const h = str('href', href, 2000);
  if (u !== undefined) out.user = u;
  if (h !== undefined) out.href = h;
  return out;
}

interface Posted {
  seq: number;
  item: Omit<Notification, 'time'>;
}

/**
 * Notifications published with POST: a bounded replay history and live listeners. The history
 * lives in this process; its `epoch` is in every stream id, so after a restart an old id gets a
 * `reset`.
 */
export class NotificationBoard {
  readonly epoch = processEpoch();
  readonly #history: History;
  readonly #listeners = new Set<(posted: Posted) => void>();

  constructor(historySize = 200) {
    this.#history = createHistory({ size: historySize, epoch: '' });
  }

  /** Sequence number of the latest published notification (0 before the first). */
  get latest(): number {
    return Number(this.#history.latestId ?? 0);
  }

  /** Publishes to every listener (and the replay history); returns the notification's id. */
  publish(item: Omit<Notification, 'id' | 'time'>): string {
    const seq = Number(this.#history.nextId());
    const posted = { seq, item: { ...item, id: `p${seq}` } };
    this.#history.push({ id: seq, data: posted.item });
    for (const listener of this.#listeners) listener(posted);
    return posted.item.id;
  }

  /**
   * Everything after `seq` still in the history; `reset` (with all that is retained) when `seq`
   * is no longer held or was never published.
   */
  since(seq: number): { reset: boolean; items: Posted[] } {
    const replay = this.#history.since(String(seq));
    const items = replay.events.map((msg) => ({
      seq: Number(msg.id),
      item: msg.data as Omit<Notification, 'time'>,
    }));
    return { reset: seq !== 0 && replay.reset === true, items };
  }

  subscribe(listener: (posted: Posted) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Parses the `<epoch>-<generated>.<published>` id of a notification stream of `epoch`. */
export function parseNotificationId(
  epoch: string,
  id: string | undefined,
): [number, number] | undefined {
  const match = id?.startsWith(`${epoch}-`)
    ? /^(\d{1,9})\.(\d{1,9})$/.exec(id.slice(epoch.length + 1))
    : null;
  if (!match || Number(match[1]) > MAX_RESUME_INDEX) return undefined;
  return [Number(match[1]), Number(match[2])];
}

/**
 * A user's notification stream: generated items at `rate` per second merged with published ones
 * (broadcast, or for this user). Ids are `<epoch>-<generated>.<published>` (the board's epoch and
 * two counts), so a reconnect with `Last-Event-ID` resumes both exactly; an id of another epoch
 * (a restarted process) or of published items no longer held gets a `reset` and starts over with
 * every retained published item.
 */
export function notificationSource(
  board: NotificationBoard,
  options: {
    seed: string;
    user: string | undefined;
    rate: number;
    lastEventId: string | undefined;
  },
): StreamSource {
  const { user, rate } = options;
  const known = parseNotificationId(board.epoch, options.lastEventId);
  const visible = (p: Posted) => p.item.user === undefined || p.item.user === user;
  return async function* (signal) {
    // A fresh client gets what is published from now on; a resuming one what it missed.
    let [generated, published] = known ?? [0, options.lastEventId ? 0 : board.latest];
    const missed = board.since(published);
    const reset = (options.lastEventId !== undefined && !known) || missed.reset;
    if (reset) generated = 0;
    const next = notificationGenerator(options.seed, user);
    for (let i = 0; i < generated; i++) next();
    const queue = missed.items.filter(visible);
    let wake: (() => void) | undefined;
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort, { once: true });
    const unsubscribe = board.subscribe((posted) => {
      if (!visible(posted)) return;
      queue.push(posted);
      if (queue.length > MAX_PENDING) queue.shift(); // a stalled reader keeps only the newest
      wake?.();
    });
    const interval = rate > 0 ? 1000 / rate : Infinity;
    let nextAt = rate > 0 ? performance.now() : Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const message = (item: Omit<Notification, 'time'>): SSEMessage => ({
      event: 'notification',
      id: `${board.epoch}-${generated}.${published}`,
      data: { ...item, time: Date.now() },
    });
    try {
      if (reset) yield [resetMessage(null)];
      while (!signal.aborted) {
        const posted = queue.shift();
        if (posted) {
          published = posted.seq;
          yield [message(posted.item)];
          continue;
        }
        const wait = nextAt - performance.now();
        if (wait <= 0) {
          const item = next();
          generated++;
          nextAt += interval;
          yield [message(item)];
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (Number.isFinite(wait)) timer = setTimeout(resolve, wait);
        });
        clearTimeout(timer);
        wake = undefined;
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      unsubscribe();
    }
  };
}
