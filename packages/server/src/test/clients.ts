import { connect } from '@ssekit/core';

// The `eventsource` package publishes its TypeScript source under the `source` condition this
// repository type-checks with (and it does not compile under our settings): load it untyped.
const eventsourcePackage = 'eventsource';
const { EventSource } = (await import(eventsourcePackage)) as {
  EventSource: typeof globalThis.EventSource;
};

/** What one client received, for the failure tests and `bench:chaos`. */
export interface Recorder {
  readonly library: 'ssekit' | 'eventsource';
  /** Data events as received: their id and the publisher's number in `data`. */
  readonly events: { id: string; n: number }[];
  /** `reset` events received (history lost and said so). */
  resets: number;
  /** The number last received before each reset (0 before any). */
  readonly resetAfter: number[];
  /** How many events had been received at each reset (an index into `events`). */
  readonly resetAt: number[];
  /** Times a connection opened, and ms from each loss of a connection to the next open. */
  opens: number;
  /** How many events had been received at each open. */
  readonly openAt: number[];
  readonly reconnectMs: number[];
  close(): void;
}

function recorder(library: Recorder['library']) {
  let lostAt: number | undefined;
  const r = {
    library,
    events: [] as { id: string; n: number }[],
    resets: 0,
    resetAfter: [] as number[],
    resetAt: [] as number[],
    opens: 0,
    openAt: [] as number[],
    reconnectMs: [] as number[],
    close: () => {},
    opened() {
      r.opens++;
      r.openAt.push(r.events.length);
      if (lostAt !== undefined) r.reconnectMs.push(performance.now() - lostAt);
      lostAt = undefined;
    },
    lost() {
      lostAt ??= performance.now();
    },
  };
  return r;
}

/** An `@ssekit/core` stream (fetch transport) recording what it gets. */
export function ssekitClient(url: string, idleTimeoutMs?: number): Recorder {
  const r = recorder('ssekit');
  const stream = connect(url, { retry: { initialMs: 50, maxMs: 250, jitter: 0.2 }, idleTimeoutMs });
  stream.on('message', (e) => r.events.push({ id: e.id, n: Number(e.data) }));
  stream.on('reset', () => {
    r.resets++;
    r.resetAfter.push(r.events.at(-1)?.n ?? 0);
    r.resetAt.push(r.events.length);
  });
  stream.onStatus((status) => (status === 'open' ? r.opened() : r.lost()));
  r.close = () => stream.close();
  return r;
}

/** The `eventsource` package's EventSource (another library) recording what it gets. */
export function eventSourceClient(url: string): Recorder {
  const r = recorder('eventsource');
  const source = new EventSource(url);
  source.onmessage = (e) => r.events.push({ id: e.lastEventId, n: Number(e.data) });
  source.addEventListener('reset', () => {
    r.resets++;
    r.resetAfter.push(r.events.at(-1)?.n ?? 0);
    r.resetAt.push(r.events.length);
  });
  source.onopen = () => r.opened();
  source.onerror = () => r.lost();
  r.close = () => source.close();
  return r;
}

/** How a client's events compare with the publisher's numbers 1..published. */
export interface Tally {
  delivered: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** Times the id's sequence number moved backwards within one epoch. */
  idBackwards: number;
}

/** Compares what `r` received with 1..`published` (everything published while it was there). */
export function tally(r: Recorder, published: number, from = 1): Tally {
  const seen = new Set<number>();
  let duplicated = 0;
  let outOfOrder = 0;
  let idBackwards = 0;
  let previous = 0;
  let last: [string, number] | undefined;
  for (const { id, n } of r.events) {
    if (seen.has(n)) duplicated++;
    else if (n < previous) outOfOrder++;
    seen.add(n);
    previous = Math.max(previous, n);
    const dash = id.lastIndexOf('-');
    const epoch = id.slice(0, dash);
    const seq = Number(id.slice(dash + 1));
    if (last && last[0] === epoch && seq <= last[1]) idBackwards++;
    last = [epoch, seq];
  }
  let lost = 0;
  for (let n = from; n <= published; n++) if (!seen.has(n)) lost++;
  return { delivered: r.events.length, lost, duplicated, outOfOrder, idBackwards };
}

/** What a client missed or got twice, split by whether a `reset` told it so. */
export interface LossTally {
  /** Published numbers it never got. */
  lost: number;
  /** ... of which no reset covers: lost in silence. */
  lostUnsignalled: number;
  /** Numbers it got more than once. */
  duplicated: number;
  /** ... where no reset came between the two copies: repeated in silence. */
  duplicatedUnsignalled: number;
}

/**
 * Compares what `r` got with the numbers `published`. A loss counts as signalled when the client
 * got a `reset` after its last event before the loss and the number was in a history that was lost
 * (`lostHistoryUpTo`: the last number acknowledged by a Redis that then lost its data); a copy
 * counts as signalled when a `reset` came between it and the first one.
 */
export function lossTally(
  r: Recorder,
  published: Iterable<number>,
  lostHistoryUpTo: number,
): LossTally {
  const firstAt = new Map<number, number>();
  let duplicated = 0;
  let duplicatedUnsignalled = 0;
  for (const [i, { n }] of r.events.entries()) {
    const j = firstAt.get(n);
    if (j === undefined) {
      firstAt.set(n, i);
      continue;
    }
    duplicated++;
    if (!r.resetAt.some((k) => j < k && k <= i)) duplicatedUnsignalled++;
  }
  let lost = 0;
  let lostUnsignalled = 0;
  for (const n of published) {
    if (firstAt.has(n)) continue;
    lost++;
    if (!(n <= lostHistoryUpTo && r.resetAfter.some((after) => after < n))) lostUnsignalled++;
  }
  return { lost, lostUnsignalled, duplicated, duplicatedUnsignalled };
}
