import { type InspectedStream, inspect } from '@ssekit/core';
import { type RecordLimits, StreamRecord } from './stream-record';

/** Options of {@link createDevtoolsStore}. */
export interface DevtoolsStoreOptions {
  /** Events kept per stream (the last N). Default 100. */
  maxEvents?: number;
  /** Closed streams still listed (the most recent). Default 20. */
  maxClosed?: number;
  /** How often the panel is told of changes at most, in ms. Default 400. */
  refreshMs?: number;
}

/**
 * The devtools' model of every stream: attaches the core inspector while retained, keeps
 * bounded records, and tells subscribers of changes at most once per `refreshMs` (so a stream
 * of 10,000 events/s costs the panel a few renders a second, not one per event).
 */
export interface DevtoolsStore {
  /** Attaches to the core while at least one holder retains the store; returns a release function. */
  retain(): () => void;
  subscribe(listener: () => void): () => void;
  /** Changes whenever something shown changed (for `useSyncExternalStore`). */
  getVersion(): number;
  /** Streams, live ones first (oldest first), then the most recently closed. */
  records(): StreamRecord[];
}

const HISTORY = 50;
const SAMPLES = 60;
const HELD = 10_000;

/** Creates a store; nothing is inspected until {@link DevtoolsStore.retain}. */
export function createDevtoolsStore(options: DevtoolsStoreOptions = {}): DevtoolsStore {
  const limits: RecordLimits = {
    maxEvents: Math.max(1, options.maxEvents ?? 100),
    maxHistory: HISTORY,
    maxSamples: SAMPLES,
    maxHeld: HELD,
  };
  const maxClosed = options.maxClosed ?? 20;
  const refreshMs = options.refreshMs ?? 400;
  const listeners = new Set<() => void>();
  const byStream = new Map<InspectedStream, StreamRecord>();
  let closed: StreamRecord[] = [];
  let holders = 0;
  let detach: (() => void) | null = null;
  let sampler: ReturnType<typeof setInterval> | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let version = 0;

  const flush = () => {
    flushTimer = undefined;
    version++;
    for (const listener of [...listeners]) listener();
  };
  const changed = () => {
    if (flushTimer === undefined && holders > 0) flushTimer = setTimeout(flush, refreshMs);
  };
  const retire = (record: StreamRecord) => {
    if (!byStream.delete(record.inspected)) return;
    record.dispose();
    closed.push(record);
    if (closed.length > maxClosed) closed = closed.slice(-maxClosed);
    changed();
  };

  const attach = () => {
    detach = inspect({
      add(stream) {
        const record = new StreamRecord(stream, limits, changed);
        byStream.set(stream, record);
        changed();
        return record;
      },
      remove(stream) {
        const record = byStream.get(stream);
        if (record) retire(record);
      },
    });
    sampler = setInterval(() => {
      for (const record of byStream.values()) record.sample();
      if (byStream.size) changed();
    }, 1000);
  };

  const release = () => {
    detach?.();
    detach = null;
    clearInterval(sampler);
    clearTimeout(flushTimer);
    flushTimer = undefined;
    for (const record of byStream.values()) record.dispose();
    byStream.clear();
    closed = [];
  };

  return {
    retain() {
      if (holders++ === 0) attach();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holders === 0) release();
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getVersion: () => version,
    records: () => [...byStream.values(), ...[...closed].reverse()],
  };
}

let shared: DevtoolsStore | undefined;

/** The page-wide store that every `<SSEDevtools />` shows. */
export function getDevtoolsStore(): DevtoolsStore {
  shared ??= createDevtoolsStore();
  return shared;
}
