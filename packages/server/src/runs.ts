import { parseRunEventId, RUN_EVENT, RUN_ID_HEADER, type RunInfo } from '@ssekit/core';
import type { SSEMessage } from './format';
import { createSession, lastEventIdOf, type NodeRequest, type NodeResponse } from './node';
import { memoryRunStore, type RunMessage, type RunStore } from './run-store';
import type { Session, SessionOptions } from './session';

/** What a generation gets: its run's ID, a signal aborted on cancel, and `send`. */
export interface RunContext {
  readonly id: string;
  /** Aborted when the run is cancelled (by `DELETE`, `runs.cancel` or `runs.close`). */
  readonly signal: AbortSignal;
  /** Stores and delivers the next event of the run (its ID is assigned). */
  send(msg: SSEMessage): Promise<void>;
}

/** One generation: yield events (or `send` them); it goes on when its client disconnects. */
export type Generate = (run: RunContext) => AsyncIterable<SSEMessage> | Promise<void>;

/** The events of a run to serve, or why there are none. */
export type RunEvents =
  | { kind: 'unknown' }
  | { kind: 'finished' }
  | { kind: 'events'; runId: string; events: AsyncIterable<SSEMessage> };

/** Resumable runs: see {@link createRuns}. */
export interface Runs {
  /**
   * Answers one request: with `Last-Event-ID: <runId>:<seq>` (any method) it joins that run
   * (404 when unknown, 204 when it already ended there); `DELETE` with `x-ssekit-run` cancels a
   * run (204); anything else starts a run with `generate` and streams it.
   */
  handle(
    req: NodeRequest,
    res: NodeResponse,
    generate: Generate,
    options?: SessionOptions,
  ): Promise<void>;
  /** Starts a run without a response; resolves with its ID once it can be joined. */
  start(generate: Generate): Promise<string>;
  /**
   * The events to send a client joining `runId` after `afterSeq`: a {@link RUN_EVENT}, the stored
   * events, then the live ones, ending after the final one (or when `signal` aborts).
   */
  events(runId: string, afterSeq: number, signal: AbortSignal): Promise<RunEvents>;
  /** Cancels a run wherever it is generated. */
  cancel(runId: string): Promise<void>;
  /** Runs generating on this instance. */
  readonly size: number;
  /** Cancels the runs of this instance and releases the store. */
  close(): Promise<void>;
}

export interface RunsOptions {
  /** Where events are kept: `memoryRunStore()` (default) or `redisRunStore(broker)`. */
  store?: RunStore;
  /** Events one run may produce (bounded memory); past it the run fails. Default 100,000. */
  maxEvents?: number;
}

const info = (runId: string, state: RunInfo['state'], message?: string): RunInfo =>
  message === undefined ? { id: runId, state } : { id: runId, state, message };

/**
 * Resumable runs: one AI generation each, with an ID, that keeps producing when its client
 * disconnects, keeps its events in a store, can be joined by `GET` with `Last-Event-ID`
 * (after a reload, from another tab or another instance), and is cancelled only explicitly.
 *
 * @example
 * const runs = createRuns();
 * app.all('/api/chat', (req, res) =>
 *   runs.handle(req, res, async function* ({ signal }) {
 *     for await (const chunk of model.stream(req.body.prompt, { signal })) yield { data: chunk };
 *   }),
 * );
 */
export function createRuns(options: RunsOptions = {}): Runs {
  const store = options.store ?? memoryRunStore();
  const maxEvents = options.maxEvents ?? 100_000;
  const running = new Map<string, AbortController>();

  const generateRun = async (runId: string, generate: Generate, controller: AbortController) => {
    let seq = 0;
    let failure: string | undefined;
    const append = (msg: SSEMessage) => store.append(runId, { ...msg, id: `${runId}:${++seq}` });
    const context: RunContext = {
      id: runId,
      signal: controller.signal,
      async send(msg) {
        if (controller.signal.aborted) return;
        if (seq >= maxEvents) {
          failure = `The run exceeded maxEvents (${maxEvents})`;
          controller.abort();
          return;
        }
        await append(msg);
      },
    };
    const offCancel = await store.onCancel(runId, () => controller.abort());
    try {
      const result = generate(context);
      if (result && Symbol.asyncIterator in result) {
        for await (const msg of result) {
          if (controller.signal.aborted) break;
          await context.send(msg);
        }
      } else await result;
    } catch (error) {
      if (!controller.signal.aborted)
        failure = error instanceof Error ? error.message : String(error);
    } finally {
      offCancel();
      running.delete(runId);
    }
    const final =
      failure !== undefined
        ? info(runId, 'failed', failure)
        : info(runId, controller.signal.aborted ? 'cancelled' : 'done');
    await append({ event: RUN_EVENT, data: final });
  };

  const runs: Runs = {
    async start(generate) {
      const runId = globalThis.crypto.randomUUID();
      const controller = new AbortController();
      running.set(runId, controller);
      await store.append(runId, {
        event: RUN_EVENT,
        id: `${runId}:0`,
        data: info(runId, 'running'),
      });
      void generateRun(runId, generate, controller).catch(() => {});
      return runId;
    },

    async events(runId, afterSeq, signal) {
      const queue: RunMessage[] = [];
      let wake: (() => void) | null = null;
      let ended = false;
      const following = await store.follow(runId, afterSeq, (msg) => {
        queue.push(msg);
        wake?.();
      });
      if (!following) return { kind: 'unknown' };
      if (following.finished && queue.length === 0) {
        following.stop();
        return { kind: 'finished' };
      }
      const stop = () => {
        ended = true;
        following.stop();
        wake?.();
      };
      signal.addEventListener('abort', stop, { once: true });
      async function* events(): AsyncGenerator<SSEMessage> {
        try {
          yield { event: RUN_EVENT, id: `${runId}:${afterSeq}`, data: info(runId, 'running') };
          while (!ended) {
            const msg = queue.shift();
            if (!msg) {
              await new Promise<void>((resolve) => {
                wake = resolve;
              });
              wake = null;
              continue;
            }
            yield msg;
            if (msg.event === RUN_EVENT) return;
          }
        } finally {
          signal.removeEventListener('abort', stop);
          following?.stop();
        }
      }
      return { kind: 'events', runId, events: events() };
    },

    async cancel(runId) {
      const local = running.get(runId);
      if (local) local.abort();
      else await store.cancel(runId);
    },

    async handle(req, res, generate, sessionOptions = {}) {
      const method = req.method ?? 'GET';
      const header = req.headers[RUN_ID_HEADER];
      if (method === 'DELETE') {
        const runId = Array.isArray(header) ? header[0] : header;
        if (runId) await runs.cancel(runId);
        res.writeHead(runId ? 204 : 400).end();
        return;
      }
      const joining = parseRunEventId(
        lastEventIdOf(req, sessionOptions.maxLastEventIdLength) ?? '',
      );
      const runId = joining?.runId ?? (await runs.start(generate));
      const controller = new AbortController();
      const found = await runs.events(runId, joining?.seq ?? 0, controller.signal);
      if (found.kind !== 'events') {
        if (found.kind === 'finished') res.writeHead(204).end();
        else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: `Unknown run ${runId}` }));
        }
        return;
      }
      const session: Session = createSession(req, res, sessionOptions);
      session.onClose(() => controller.abort());
      for await (const msg of found.events) {
        if (!session.send(msg)) break;
      }
      session.close();
    },

    get size() {
      return running.size;
    },

    async close() {
      for (const controller of running.values()) controller.abort();
      await store.close();
    },
  };
  return runs;
}
