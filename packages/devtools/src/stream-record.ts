import type { InspectedStream, SSEEvent, StreamProbe, StreamStatus } from '@ssekit/core';

/** One entry of a stream's status history. */
export interface StatusChange {
  /** Count of changes before it (a stable key). */
  seq: number;
  status: StreamStatus;
  /** Epoch ms. */
  at: number;
  /** While `reconnecting`: the attempt that is due, and when. */
  attempt?: number;
  nextRetryAt?: number | null;
  /** The error reported with this change, if any. */
  error?: Error | null;
}

/**
 * A reset (a `reset` event from the server, another epoch in `<epoch>-<n>` ids, or a number that
 * went backwards) or a gap (a number that skipped ahead). Other ids are opaque: only `reset`
 * events count for them.
 */
export interface Anomaly {
  /** Count of anomalies before it (a stable key). */
  seq: number;
  kind: 'reset' | 'gap';
  at: number;
  /** The last event ID before, and the one that showed it. */
  from: string;
  to: string;
}

/** An event kept in the window, with the time it arrived. */
export interface KeptEvent {
  event: SSEEvent;
  at: number;
  /** Count of events before it on this stream (a stable key). */
  seq: number;
  /** The last event ID before it, for a resuming reproduction; `''` when unknown. */
  previousId: string;
}

/** Limits of what a record keeps. */
export interface RecordLimits {
  /** Events kept per stream (the last N). */
  maxEvents: number;
  /** Status changes kept. */
  maxHistory: number;
  /** Per-second samples kept for the sparkline. */
  maxSamples: number;
  /** Events held while delivery is paused; past it the oldest held are delivered at once. */
  maxHeld: number;
}

/** `42` or `<epoch>-42` (as `@ssekit/server` writes ids): the parts that say something about order. */
const ORDERED_ID = /^(?:([^-]*)-)?(\d{1,15})$/;

/**
 * What the devtools know about one stream: bounded buffers only. The probe's calls (one per
 * event and per chunk) write a slot of a ring and bump counters; everything else is computed
 * when the panel samples.
 */
export class StreamRecord implements StreamProbe {
  readonly history: StatusChange[] = [];
  readonly anomalies: Anomaly[] = [];
  /** Events per second, oldest first, one sample a second. */
  readonly rates: number[] = [];
  /** Bytes per second, as `rates`. */
  readonly byteRates: number[] = [];
  events = 0;
  bytesTotal = 0;
  resets = 0;
  gaps = 0;
  paused = false;
  /** Events held back while paused (bounded by `maxHeld`). */
  readonly held: SSEEvent[] = [];
  closedAt: number | null = null;
  /** Bumped by every change the panel shows. */
  dirty = true;

  readonly #ring: (KeptEvent | undefined)[];
  #head = 0;
  #lastId = '';
  #afterReset = false;
  #changes = 0;
  #sampledEvents = 0;
  #sampledBytes = 0;
  readonly #limits: RecordLimits;
  readonly #onChange: () => void;
  readonly #offStatus: () => void;

  constructor(
    readonly inspected: InspectedStream,
    limits: RecordLimits,
    onChange: () => void,
  ) {
    this.#limits = limits;
    this.#onChange = onChange;
    this.#ring = new Array(limits.maxEvents);
    this.#lastId = inspected.stream.lastEventId;
    this.#status(inspected.stream.status);
    this.#offStatus = inspected.stream.onStatus((status) => this.#status(status));
  }

  event(event: SSEEvent): boolean | undefined {
    const seq = this.events++;
    const previousId = this.#lastId;
    if (event.event === 'reset') {
      this.#anomaly('reset', previousId, event.id);
      this.#afterReset = true;
    } else if (event.id !== previousId) {
      // The first id after a `reset` event starts the new history: no second reset for it.
      if (!this.#afterReset) this.#checkId(previousId, event.id);
      this.#afterReset = false;
    }
    this.#lastId = event.id;
    this.#ring[this.#head] = { event, at: Date.now(), seq, previousId };
    this.#head = (this.#head + 1) % this.#ring.length;
    this.dirty = true;
    this.#onChange();
    if (!this.paused) return false;
    this.held.push(event);
    // Bounded: the oldest held event goes to the app now rather than being lost.
    if (this.held.length > this.#limits.maxHeld) this.inspected.deliver(this.held.shift()!);
    return true;
  }

  bytes(count: number): void {
    this.bytesTotal += count;
    this.dirty = true;
    this.#onChange();
  }

  /** The kept events, oldest first. */
  kept(): KeptEvent[] {
    const out: KeptEvent[] = [];
    const ring = this.#ring;
    for (let i = 0; i < ring.length; i++) {
      const item = ring[(this.#head + i) % ring.length];
      if (item) out.push(item);
    }
    return out;
  }

  /** Pauses or resumes delivery to the app; resuming delivers the held events in order. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) {
      const held = this.held.splice(0);
      for (const event of held) this.inspected.deliver(event);
    }
    this.dirty = true;
    this.#onChange();
  }

  /** Takes the per-second sample (called once a second). */
  sample(): void {
    const { maxSamples } = this.#limits;
    this.rates.push(this.events - this.#sampledEvents);
    this.byteRates.push(this.bytesTotal - this.#sampledBytes);
    this.#sampledEvents = this.events;
    this.#sampledBytes = this.bytesTotal;
    if (this.rates.length > maxSamples) this.rates.shift();
    if (this.byteRates.length > maxSamples) this.byteRates.shift();
    this.dirty = true;
  }

  /** Stops listening; held events go to the app. */
  dispose(): void {
    this.#offStatus();
    if (this.held.length) this.setPaused(false);
  }

  #status(status: StreamStatus) {
    const { stream } = this.inspected;
    const change: StatusChange = { seq: this.#changes++, status, at: Date.now() };
    if (status === 'reconnecting') {
      change.attempt = this.inspected.attempt;
      change.nextRetryAt = stream.nextRetryAt;
    }
    if (stream.error) change.error = stream.error;
    this.history.push(change);
    if (this.history.length > this.#limits.maxHistory) this.history.shift();
    if (status === 'closed') {
      this.closedAt = change.at;
      if (this.held.length) this.setPaused(false);
    }
    this.dirty = true;
    this.#onChange();
  }

  #checkId(from: string, to: string) {
    // Only numbers (with an optional epoch) say anything about order; other ids are opaque.
    const a = ORDERED_ID.exec(from);
    const b = ORDERED_ID.exec(to);
    if (!a || !b) return;
    const [na, nb] = [Number(a[2]), Number(b[2])];
    if (a[1] !== b[1] || nb < na) this.#anomaly('reset', from, to);
    else if (nb > na + 1) this.#anomaly('gap', from, to);
  }

  #anomaly(kind: Anomaly['kind'], from: string, to: string) {
    if (kind === 'reset') this.resets++;
    else this.gaps++;
    this.anomalies.push({ seq: this.resets + this.gaps, kind, at: Date.now(), from, to });
    if (this.anomalies.length > this.#limits.maxHistory) this.anomalies.shift();
  }
}
