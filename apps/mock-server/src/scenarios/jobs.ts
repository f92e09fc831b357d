import { setTimeout as sleep } from 'node:timers/promises';
import type { SSEMessage } from '@ssekit/server';
import type { StreamSource } from '../engine';
import { processEpoch, resetMessage, resumePoint } from '../epochs';
import { createRandom, hashSeed } from '../random';
import { jobLogTimeline } from './job-log';

export type JobStage = 'Queued' | 'Building' | 'Testing' | 'Deploying';

export interface JobSpec {
  durationMs: number;
  fail: boolean;
}

export const DEFAULT_JOB: JobSpec = { durationMs: 3000, fail: false };

/** One event of a job at `atMs` after its start. */
export interface TimedEvent {
  atMs: number;
  msg: SSEMessage;
}

const STAGES: Array<[JobStage, number]> = [
  ['Queued', 5],
  ['Building', 45],
  ['Testing', 80],
  ['Deploying', 100],
];

const stageOf = (percent: number): JobStage =>
  (STAGES.find(([, upTo]) => percent < upTo) ?? STAGES[STAGES.length - 1]!)[0];

/**
 * The whole life of a job: `progress` events in 5% steps at seeded uneven times, then `done`, or
 * `failed` during testing when `fail` is set. Ids are 1, 2, 3, ...
 */
export function jobTimeline(seed: string, spec: JobSpec): TimedEvent[] {
  const random = createRandom(hashSeed('job', seed, spec.durationMs, String(spec.fail)));
  const weights = Array.from({ length: 20 }, () => 0.5 + random.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const failAt = spec.fail ? random.int(12, 15) * 5 : Infinity;
  const events: TimedEvent[] = [];
  let elapsed = 0;
  for (let step = 0; step <= 20; step++) {
    if (step > 0) elapsed += (weights[step - 1]! / total) * spec.durationMs;
    const atMs = Math.round(elapsed);
    const percent = step * 5;
    if (percent >= failAt) {
      const failed = random.int(1, 9);
      const error = `${failed} of 128 tests failed in src/parser.test.ts`;
      events.push({ atMs, msg: { event: 'failed', data: { error } } });
      break;
    }
    const progress = { percent, stage: stageOf(percent), etaMs: spec.durationMs - atMs };
    events.push({ atMs, msg: { event: 'progress', data: progress } });
    if (percent === 100) {
      const result = `Build #${random.int(1000, 9999)} deployed to https://example.com/builds/${random.int(1, 99)}`;
      events.push({ atMs, msg: { event: 'done', data: { result } } });
    }
  }
  return events.map((e, i) => ({ atMs: e.atMs, msg: { ...e.msg, id: i + 1 } }));
}

/**
 * Plays a timeline of history `epoch` that started at `startedAt` (a `performance.now()` time)
 * from after `lastEventId`: events already due come at once, later ones on time, with ids
 * `<epoch>-<n>`. An id of another history gets a `reset` and the whole timeline. `undefined` when
 * the client has seen the end (HTTP 204).
 */
export function playTimeline(
  timeline: readonly TimedEvent[],
  startedAt: number,
  epoch: string,
  lastEventId: string | undefined,
): StreamSource | undefined {
  const { index: from, reset } = resumePoint(epoch, lastEventId);
  if (from >= timeline.length) return undefined;
  return async function* (signal) {
    if (reset) yield [resetMessage(`${epoch}-1`)];
    let i = from;
    while (i < timeline.length) {
      const wait = startedAt + timeline[i]!.atMs - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
      const now = performance.now();
      const batch: SSEMessage[] = [];
      while (i < timeline.length && startedAt + timeline[i]!.atMs <= now) {
        const { msg } = timeline[i++]!;
        batch.push({ ...msg, id: `${epoch}-${msg.id}` });
      }
      if (batch.length > 0) yield batch;
    }
  };
}

/**
 * Jobs started with `POST /sse/jobs`: they run on the clock, whether or not anyone listens. They
 * live in this process: job ids and event ids carry its epoch, so after a restart an old job is
 * unknown (404) and an old event id gets a `reset`.
 */
export class JobRegistry {
  readonly epoch = processEpoch();
  readonly #jobs = new Map<
    string,
    { timeline: TimedEvent[]; startedAt: number; log: () => TimedEvent[] }
  >();
  #count = 0;

  constructor(readonly maxJobs = 1000) {}

  /** Starts a job and returns its id. The oldest job is forgotten past `maxJobs`. */
  create(seed: string, spec: JobSpec): string {
    const id = `job-${this.epoch}-${++this.#count}`;
    const timeline = jobTimeline(`${seed}:${id}`, spec);
    const startTime = Date.now();
    let log: TimedEvent[] | undefined;
    this.#jobs.set(id, {
      timeline,
      startedAt: performance.now(),
      log: () => (log ??= jobLogTimeline(`${seed}:${id}`, timeline, startTime)),
    });
    if (this.#jobs.size > this.maxJobs) this.#jobs.delete(this.#jobs.keys().next().value!);
    return id;
  }

  /** The job's events after `lastEventId`; `'unknown'` for no such job, `'ended'` after its end. */
  open(id: string, lastEventId: string | undefined): StreamSource | 'unknown' | 'ended' {
    const job = this.#jobs.get(id);
    if (!job) return 'unknown';
    return playTimeline(job.timeline, job.startedAt, this.epoch, lastEventId) ?? 'ended';
  }

  /** The job's build log after `lastEventId`, in step with the job (see `jobLogTimeline`). */
  openLog(id: string, lastEventId: string | undefined): StreamSource | 'unknown' | 'ended' {
    const job = this.#jobs.get(id);
    if (!job) return 'unknown';
    return playTimeline(job.log(), job.startedAt, this.epoch, lastEventId) ?? 'ended';
  }
}
