import { parseRunEventId, RUN_EVENT } from '@ssekit/core';
import type { SSEMessage } from './format';

/** An event of a run, with its ID `<runId>:<seq>`. */
export type RunMessage = SSEMessage & { id: string };

/** What `follow` found: the run is unknown, or a way to stop following it. */
export type Following = { stop(): void; finished: boolean } | undefined;

/**
 * Where runs keep their events, shared by the instances that serve them: in memory
 * ({@link memoryRunStore}, one instance) or in Redis through the broker (`redisRunStore`).
 * Event `<runId>:0` is the run's creation; the last event is its final {@link RUN_EVENT}.
 */
export interface RunStore {
  /** Stores the next event of a run (`<runId>:0` creates it). */
  append(runId: string, msg: RunMessage): Promise<void>;
  /**
   * Calls `onEvent` with every event after `afterSeq` (stored ones first, then live ones, in
   * order) until `stop()`. Undefined for an unknown run; `finished` when the run's final event
   * was at or before `afterSeq` (nothing more will come).
   */
  follow(runId: string, afterSeq: number, onEvent: (msg: RunMessage) => void): Promise<Following>;
  /** Asks whichever instance generates the run to cancel it. */
  cancel(runId: string): Promise<void>;
  /** Calls `fn` when a cancel of the run is asked (from any instance); returns an unsubscribe. */
  onCancel(runId: string, fn: () => void): Promise<() => void>;
  /** Releases timers and connections. */
  close(): Promise<void>;
}

/** Whether `msg` is a run's final event (its state is no longer `running`). */
export function isFinal(msg: SSEMessage): boolean {
  if (msg.event !== RUN_EVENT) return false;
  const data = typeof msg.data === 'string' ? safeJson(msg.data) : msg.data;
  const state = (data as { state?: unknown } | undefined)?.state;
  return state !== undefined && state !== 'running';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The position of an event of `runId`, or -1 when it is not one. */
export function seqOf(runId: string, id: string): number {
  const parsed = parseRunEventId(id);
  return parsed && parsed.runId === runId ? parsed.seq : -1;
}

interface MemoryRun {
  events: RunMessage[];
  finished: boolean;
  followers: Set<(msg: RunMessage) => void>;
  cancels: Set<() => void>;
  expiry: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Runs kept in this process's memory (one server instance). A finished run stays joinable for
 * `keepMs` (default 5 minutes), then is forgotten; at most `maxRuns` runs are kept (default
 * 1000; the oldest finished ones go first).
 */
export function memoryRunStore(options: { keepMs?: number; maxRuns?: number } = {}): RunStore {
  const keepMs = options.keepMs ?? 5 * 60_000;
  const maxRuns = options.maxRuns ?? 1000;
  const runs = new Map<string, MemoryRun>();

  const forget = (runId: string) => {
    const run = runs.get(runId);
    if (!run) return;
    clearTimeout(run.expiry);
    runs.delete(runId);
  };

  return {
    async append(runId, msg) {
      let run = runs.get(runId);
      if (!run) {
        if (seqOf(runId, msg.id) !== 0) return;
        if (runs.size >= maxRuns) {
          const oldest = [...runs].find(([, r]) => r.finished)?.[0];
          if (oldest) forget(oldest);
        }
        run = {
          events: [],
          finished: false,
          followers: new Set(),
          cancels: new Set(),
          expiry: undefined,
        };
        runs.set(runId, run);
      }
      if (run.finished) return;
      run.events.push(msg);
      for (const follower of [...run.followers]) follower(msg);
      if (isFinal(msg)) {
        run.finished = true;
        run.cancels.clear();
        run.expiry = setTimeout(() => forget(runId), keepMs);
        run.expiry.unref?.();
      }
    },
    async follow(runId, afterSeq, onEvent) {
      const run = runs.get(runId);
      if (!run) return undefined;
      let finished = false;
      for (const msg of run.events) {
        const seq = seqOf(runId, msg.id);
        if (seq === 0) continue;
        if (seq > afterSeq) onEvent(msg);
        else if (isFinal(msg)) finished = true;
      }
      if (run.finished) return { stop: () => {}, finished };
      run.followers.add(onEvent);
      return { stop: () => run.followers.delete(onEvent), finished };
    },
    async cancel(runId) {
      for (const fn of [...(runs.get(runId)?.cancels ?? [])]) fn();
    },
    async onCancel(runId, fn) {
      const run = runs.get(runId);
      if (!run || run.finished) return () => {};
      run.cancels.add(fn);
      return () => run.cancels.delete(fn);
    },
    async close() {
      for (const runId of [...runs.keys()]) forget(runId);
    },
  };
}
