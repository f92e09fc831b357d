import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { connect, createHub } from '@ssekit/core';
import { JSDOM } from 'jsdom';
import { createElement as h, useEffect, useLayoutEffect, useState } from 'react';
import { SSEProvider, useSSE } from '../src/index';

const RATE = Number(process.env.RATE ?? 10_000);
const SECONDS = Number(process.env.SECONDS ?? 2);
const ROUNDS = Number(process.env.ROUNDS ?? 2);

interface Quote {
  s: string;
  p: number;
}
interface Totals {
  count: number;
  sum: number;
  last: string;
}
const initial: Totals = { count: 0, sum: 0, last: '' };
const reduce = (t: Totals, q: Quote): Totals => ({
  count: t.count + 1,
  sum: t.sum + q.p,
  last: q.s,
});

/** An SSE server in a worker thread, so its work does not count as the client's. */
const serverSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { rate } = workerData;
let sent = 0;
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const start = performance.now();
  let mine = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    let chunk = '';
    for (; mine < due; mine++) chunk += 'data: {"s":"T' + (mine % 50) + '","p":' + (mine % 997) + '}\\n\\n';
    if (chunk) res.write(chunk);
  }, 1);
  const stop = () => { clearInterval(timer); parentPort.postMessage({ sent: mine }); };
  parentPort.once('message', stop);
  res.on('close', () => clearInterval(timer));
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;

function startServer(): Promise<{ url: string; stop(): Promise<number>; close(): Promise<void> }> {
  const worker = new Worker(serverSource, { eval: true, workerData: { rate: RATE } });
  return new Promise((resolve) => {
    worker.once('message', ({ port }: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${port}/ticker`,
        stop: () =>
          new Promise((done) => {
            worker.once('message', ({ sent }: { sent: number }) => done(sent));
            worker.postMessage('stop');
          }),
        close: () => worker.terminate().then(() => {}),
      }),
    );
  });
}

function installDom() {
  const dom = new JSDOM('<!doctype html><div id="root"></div>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  g.requestAnimationFrame = dom.window.requestAnimationFrame.bind(dom.window);
  g.cancelAnimationFrame = dom.window.cancelAnimationFrame.bind(dom.window);
  g.HTMLElement = dom.window.HTMLElement;
  if (!('navigator' in globalThis)) g.navigator = dom.window.navigator;
  return dom;
}

interface Row {
  name: string;
  commits: number;
  reduced: number;
  sent: number;
  busyMs: number;
  seconds: number;
}

async function measure(
  name: string,
  mount: (url: string, onCommit: () => void, onTotals: (t: Totals) => void) => () => void,
): Promise<Row> {
  const server = await startServer();
  let commits = 0;
  let totals = initial;
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const unmount = mount(
    server.url,
    () => commits++,
    (t) => {
      totals = t;
    },
  );
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const sent = await server.stop();
  const seconds = (performance.now() - t0) / 1000;
  const commitsInWindow = commits;
  const elu = performance.eventLoopUtilization(elu0);
  // Let the last bytes arrive and be committed, then check that every event was reduced.
  const deadline = Date.now() + 5000;
  while (totals.count < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  unmount();
  await server.close();
  return {
    name,
    commits: commitsInWindow,
    reduced: totals.count,
    sent,
    busyMs: elu.active,
    seconds,
  };
}

function Batched(props: { url: string; onCommit(): void; onTotals(t: Totals): void }) {
  const { data } = useSSE<Quote, Totals>(props.url, { initial, reduce });
  useLayoutEffect(() => {
    props.onCommit();
    props.onTotals(data);
  });
  return h('p', null, `${data.count} ${data.last}`);
}

/** What people write by hand: a listener that sets state for every message. */
function Naive(props: { url: string; onCommit(): void; onTotals(t: Totals): void }) {
  const [data, setData] = useState(initial);
  useEffect(() => {
    const stream = connect(props.url);
    const off = stream.on('message', (event) => {
      const quote = JSON.parse(event.data) as Quote;
      setData((t) => reduce(t, quote));
    });
    return () => {
      off();
      stream.close();
    };
  }, [props.url]);
  useLayoutEffect(() => {
    props.onCommit();
    props.onTotals(data);
  });
  return h('p', null, `${data.count} ${data.last}`);
}

function total(rows: Row[]): Row {
  const sum = (pick: (r: Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    name: rows[0]?.name ?? '',
    commits: sum((r) => r.commits),
    reduced: sum((r) => r.reduced),
    sent: sum((r) => r.sent),
    busyMs: sum((r) => r.busyMs),
    seconds: sum((r) => r.seconds),
  };
}

export async function runBench() {
  const dom = installDom();
  // react-dom looks for a DOM when it loads, so it is loaded after jsdom is installed.
  const { createRoot } = await import('react-dom/client');
  const mountWith =
    (component: typeof Batched) =>
    (url: string, onCommit: () => void, onTotals: (t: Totals) => void) => {
      const container = document.createElement('div');
      document.body.append(container);
      const root = createRoot(container);
      const hub = createHub({ graceMs: 0 });
      root.render(h(SSEProvider, { hub }, h(component, { url, onCommit, onTotals })));
      return () => {
        root.unmount();
        hub.close();
        container.remove();
      };
    };

  console.log(
    `Streaming ${RATE} events/s into react-dom (jsdom), ${ROUNDS} rounds of ${SECONDS} s per hook, ` +
      `NODE_ENV=${process.env.NODE_ENV}`,
  );
  // Rounds alternate the order, so neither hook always runs on a cold JIT.
  const runs = { naive: [] as Row[], batched: [] as Row[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? (['batched', 'naive'] as const) : (['naive', 'batched'] as const);
    for (const which of order) {
      runs[which].push(
        which === 'naive'
          ? await measure('naive setState per message', mountWith(Naive))
          : await measure("useSSE (batch: 'frame', reduce)", mountWith(Batched)),
      );
    }
  }
  const naive = total(runs.naive);
  const batched = total(runs.batched);

  const rows = [naive, batched].map((r) => ({
    hook: r.name,
    'commits/s': Math.round(r.commits / r.seconds),
    'events reduced': `${r.reduced}/${r.sent}`,
    'JS ms (busy)': Math.round(r.busyMs),
    'JS % of wall': `${((r.busyMs / (r.seconds * 1000)) * 100).toFixed(1)}%`,
  }));
  console.table(rows);
  const ratio = (a: number, b: number) => (b === 0 ? 'inf' : (a / b).toFixed(1));
  console.log(
    `useSSE: ${ratio(naive.commits, batched.commits)}x fewer commits, ` +
      `${ratio(naive.busyMs, batched.busyMs)}x less main-thread time than the naive hook.`,
  );
  const perSecond = batched.commits / batched.seconds;
  console.log(
    perSecond <= 60 && batched.reduced === batched.sent
      ? `Goal met: ${perSecond.toFixed(0)} commits/s <= 60 with every event reduced.`
      : `Goal missed: ${perSecond.toFixed(0)} commits/s, ${batched.reduced}/${batched.sent} reduced.`,
  );
  dom.window.close();
}
