import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRunEventId, RUN_ID_HEADER } from '@ssekit/core';
import { createRuns, type Generate } from '@ssekit/server';
import { CATALOG, catalogHtml } from './catalog';
import { mockCors } from './cors';
import { type MockStats, type StreamSource, serveEvents } from './engine';
import { resumePoint, seededEpoch } from './epochs';
import { type Feed, paced, resume } from './feed';
import { answerStatus, readJson, sendJson } from './http';
import type { MockServerOptions } from './mock-server';
import { chatFeed, DEFAULT_CHAT_RATE } from './scenarios/chat';
import {
  DEFAULT_JOB,
  JobRegistry,
  type JobSpec,
  jobTimeline,
  playTimeline,
} from './scenarios/jobs';
import { DEFAULT_LOG_RATE, logsFeed } from './scenarios/logs';
import {
  DEFAULT_NOTIFICATION_RATE,
  NotificationBoard,
  notificationSource,
  parseNotification,
} from './scenarios/notifications';
import { DEFAULT_TICKER_RATE, parseSymbols, tickerFeed } from './scenarios/ticker';
import { boolParam, intParam, parseSwitches, SwitchError, type Switches } from './switches';

interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  switches: Switches;
  seed: string;
}

const MAX_JOB_MS = 10 * 60_000;

/** Serves one `/sse` request; `close()` ends every open stream. */
export interface Router {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  close(): void;
}

/** The scenarios, their state (published notifications, jobs) and the fault-switch engine. */
export function createRouter(options: MockServerOptions, stats: MockStats): Router {
  const cors = mockCors(options.origins);
  const board = new NotificationBoard();
  const jobs = new JobRegistry();
  /** Open streams and the request path (with query) each serves. */
  const open = new Map<ServerResponse, string>();
  const runs = createRuns();

  const stream = async ({ req, res, url, switches }: Request, source: StreamSource | undefined) => {
    if (!source) {
      res.writeHead(204).end();
      return;
    }
    open.set(res, `${req.method ?? 'GET'} ${url.pathname}${url.search}`);
    try {
      await serveEvents(req, res, switches, source, stats);
    } finally {
      open.delete(res);
    }
  };
  /** A seeded feed: its epoch names what regenerates it, so it resumes across restarts. */
  const feed = (r: Request, make: () => Feed, rate: number, epoch: string) => {
    const rest = resume(make(), epoch, r.switches.lastEventId);
    return stream(r, rest && paced(rest, r.switches.rate ?? rate));
  };

  const routes: Record<string, (r: Request) => Promise<void> | void> = {
    'GET /ticker': (r) => {
      const symbols = parseSymbols(r.url.searchParams.get('symbols'));
      const epoch = seededEpoch('ticker', r.seed, symbols.join(','));
      return feed(r, () => tickerFeed(r.seed, symbols), DEFAULT_TICKER_RATE, epoch);
    },
    'GET /logs': (r) => {
      const lines = intParam(r.url.searchParams, 'lines', 1, 1_000_000);
      const epoch = seededEpoch('logs', r.seed, lines ?? '');
      return feed(r, () => logsFeed(r.seed, lines), DEFAULT_LOG_RATE, epoch);
    },
    'GET /chat': (r) => chat(r, r.url.searchParams.get('prompt') ?? ''),
    'POST /chat': async (r) => {
      const body = await readJson(r.req);
      const prompt = (body as { prompt?: unknown } | undefined)?.prompt ?? '';
      if (typeof prompt !== 'string') throw new SwitchError('prompt', String(prompt), 'a string');
      return chat(r, prompt);
    },
    'DELETE /chat': async (r) => {
      const header = r.req.headers[RUN_ID_HEADER];
      const runId = Array.isArray(header) ? header[0] : header;
      if (!runId) throw new SwitchError(RUN_ID_HEADER, '', 'the ID of the run to cancel');
      await runs.cancel(runId);
      r.res.writeHead(204).end();
    },
    'GET /notifications': (r) => {
      const user = r.url.searchParams.get('user') || undefined;
      if (user !== undefined && user.length > 100)
        throw new SwitchError('user', user, 'up to 100 characters');
      const { seed, switches } = r;
      const rate = switches.rate ?? DEFAULT_NOTIFICATION_RATE;
      return stream(
        r,
        notificationSource(board, { seed, user, rate, lastEventId: switches.lastEventId }),
      );
    },
    'POST /notifications': async (r) => {
      const id = board.publish(parseNotification(await readJson(r.req)));
      sendJson(r.res, 201, { id });
    },
    'POST /jobs': async (r) => {
      const id = jobs.create(r.seed, jobSpec(await readJson(r.req)));
      const url = `/sse/jobs/${id}`;
      sendJson(r.res, 201, { id, url }, { location: url });
    },
    'GET /jobs/demo': (r) => {
      const q = r.url.searchParams;
      const spec = jobSpec({
        durationMs: intParam(q, 'durationMs', 0, MAX_JOB_MS),
        fail: boolParam(q, 'fail'),
      });
      const timeline = jobTimeline(r.seed, spec);
      const epoch = seededEpoch('job', r.seed, spec.durationMs, String(spec.fail));
      const { index } = resumePoint(epoch, r.switches.lastEventId);
      const seen = Math.min(index, timeline.length);
      const startedAt = performance.now() - (timeline[seen - 1]?.atMs ?? 0);
      return stream(r, playTimeline(timeline, startedAt, epoch, r.switches.lastEventId));
    },
  };

  const chat = (r: Request, prompt: string) => {
    const q = r.url.searchParams;
    const maxTokens = intParam(q, 'tokens', 0, 100_000);
    const payload = q.get('payload');
    if (payload !== null && payload !== 'xss') throw new SwitchError('payload', payload, 'xss');
    const onToken = () => {
      stats.tokensGenerated++;
    };
    const make = () => chatFeed(r.seed, prompt, { maxTokens, xss: payload === 'xss', onToken });
    const epoch = seededEpoch('chat', r.seed, prompt, maxTokens ?? '', payload ?? '');
    if (!boolParam(q, 'run')) return feed(r, make, DEFAULT_CHAT_RATE, epoch);
    const rate = r.switches.rate ?? DEFAULT_CHAT_RATE;
    return chatRun(r, async function* ({ signal }) {
      for await (const batch of paced(make(), rate)(signal)) {
        for (const { id: _id, ...msg } of batch) yield msg;
      }
    });
  };

  /**
   * `?run=1`: the answer is a resumable run that goes on when its client leaves. A request with
   * `Last-Event-ID: <runId>:<seq>` joins it; the fault switches apply to each response.
   */
  const chatRun = async (r: Request, generate: Generate) => {
    const joining = parseRunEventId(r.switches.lastEventId ?? '');
    const runId = joining?.runId ?? (await runs.start(generate));
    const follow = new AbortController();
    const found = await runs.events(runId, joining?.seq ?? 0, follow.signal);
    if (found.kind === 'unknown') return sendJson(r.res, 404, { error: `Unknown run ${runId}` });
    if (found.kind === 'finished') return stream(r, undefined);
    r.res.on('close', () => follow.abort());
    return stream(r, async function* () {
      for await (const msg of found.events) yield [msg];
    });
  };

  const jobStream = (r: Request, id: string, log: boolean) => {
    const source = log
      ? jobs.openLog(id, r.switches.lastEventId)
      : jobs.open(id, r.switches.lastEventId);
    if (source === 'unknown') return sendJson(r.res, 404, { error: `Unknown job ${id}` });
    return stream(r, source === 'ended' ? undefined : source);
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (cors.handle(req, res)) return;
    const path = url.pathname.slice('/sse'.length).replace(/\/$/, '') || '/';
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    if (path === '/' && method === 'GET') return sendJson(res, 200, CATALOG);
    if (path === '/stats' && method === 'GET') {
      return sendJson(res, 200, { ...stats, streams: [...open.values()] });
    }
    if (path === '/index.html' && method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(catalogHtml());
      return;
    }
    const switches = parseSwitches(url.searchParams, req.headers);
    const r: Request = {
      req,
      res,
      url,
      switches,
      seed: switches.seed ?? String(options.seed ?? 1),
    };
    const handler = routes[`${method} ${path}`];
    const jobPath = /^\/jobs\/([\w-]{1,64})(\/log)?$/.exec(path);
    const jobId = jobPath?.[1];
    if (!handler && !(jobId && method === 'GET')) {
      const known = Object.keys(routes).filter((key) => key.endsWith(` ${path}`));
      if (known.length === 0 && !jobId)
        return sendJson(res, 404, { error: `No route ${path}`, index: '/sse/' });
      const allow = known.map((key) => key.split(' ')[0]).join(', ') || 'GET';
      return sendJson(res, 405, { error: `Method ${method} not allowed` }, { allow });
    }
    const isStream = method === 'GET' || (path === '/chat' && method === 'POST');
    if (isStream && switches.status !== undefined) {
      return answerStatus(res, switches.status, switches.retryAfter);
    }
    await (handler ? handler(r) : jobStream(r, jobId!, jobPath?.[2] !== undefined));
  };

  return {
    handle: route,
    close() {
      for (const res of open.keys()) res.destroy();
      open.clear();
      void runs.close();
    },
  };
}

/** Reads a job's settings from a POST body or query values. */
function jobSpec(body: unknown): JobSpec {
  if (body === undefined) return DEFAULT_JOB;
  if (typeof body !== 'object' || body === null)
    throw new SwitchError('body', String(body), 'a JSON object');
  const { durationMs = DEFAULT_JOB.durationMs, fail = DEFAULT_JOB.fail } = body as Record<
    string,
    unknown
  >;
  if (
    typeof durationMs !== 'number' ||
    !Number.isInteger(durationMs) ||
    durationMs < 0 ||
    durationMs > MAX_JOB_MS
  ) {
    throw new SwitchError('durationMs', String(durationMs), `an integer from 0 to ${MAX_JOB_MS}`);
  }
  if (typeof fail !== 'boolean') throw new SwitchError('fail', String(fail), 'true or false');
  return { durationMs, fail };
}
