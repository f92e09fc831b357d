/**
 * `pnpm bench:chaos`: a failure drill on 127.0.0.1 that stops by itself. A redis-server, two
 * server instances on the Redis broker (child processes), a TCP proxy in front, and N clients
 * (half `@ssekit/core`, half the `eventsource` package) while a publisher sends RATE events/s.
 * Meanwhile the proxy drops (FIN), resets (RST) and stalls random connections, instances are
 * killed with SIGKILL and replaced, and once Redis itself is killed and restarted empty after a while (its
 * history is lost: clients must be told with a `reset`). Prints what was published, delivered,
 * lost, duplicated and out of order, resets signalled, and reconnect times.
 *
 * CHAOS_SECONDS (default 15), CHAOS_CLIENTS (20), CHAOS_RATE (200), CHAOS_SEED (1),
 * CHAOS_REDIS_DOWN_MS (1500: how long Redis stays away); CHAOS_DEBUG=1 names each client that lost
 * or got twice an event without a reset.
 */
import { Redis } from 'ioredis';
import { createRedisBroker } from '../src/redis';
import {
  eventSourceClient,
  lossTally,
  type Recorder,
  ssekitClient,
  tally,
} from '../src/test/clients';
import { type Fault, startProxy } from '../src/test/proxy';
import { type Instance, type StandbyInstance, standbyInstance } from '../src/test/spawn';
import { startRedis, type TestRedis } from '../src/test-helpers';

const seconds = Number(process.env.CHAOS_SECONDS ?? 15);
const clientCount = Number(process.env.CHAOS_CLIENTS ?? 20);
const rate = Number(process.env.CHAOS_RATE ?? 200);
const redisDownMs = Number(process.env.CHAOS_REDIS_DOWN_MS ?? 1500);
let seed = Number(process.env.CHAOS_SEED ?? 1) >>> 0;
/** mulberry32, so a run can be repeated. */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
};

const prefix = `chaos${Date.now()}:`;
let redis: TestRedis = await startRedis();
// REDIS_RETRIES 1: while Redis is away a request is answered at once with a retry hint (the
// default ioredis settings would hold it in the offline queue for up to ~10 s instead).
const env = {
  REDIS_PORT: redis.port,
  PREFIX: prefix,
  NAME: 'chaos',
  HISTORY: 100_000,
  REDIS_RETRIES: 1,
};
console.log(
  `chaos: ${clientCount} clients, ${rate} events/s for ${seconds} s (loading instances...)`,
);
const standbys: Promise<StandbyInstance>[] = [1, 2, 3].map(() => standbyInstance(env));
const quiet = (r: Redis) => r.on('error', () => {}); // Redis is killed on purpose
const live: Instance[] = [];
const startOne = async () => {
  const next = standbys.shift()!;
  standbys.push(standbyInstance(env));
  const instance = await (await next).start();
  live.push(instance);
  return instance;
};
await startOne();
await startOne();
const proxy = await startProxy(live.map((i) => i.port));

const clients: Recorder[] = [];
for (let i = 0; i < clientCount; i++) {
  clients.push(i % 2 ? eventSourceClient(proxy.url) : ssekitClient(proxy.url, 2500));
}
while (!clients.every((c) => c.opens >= 1)) await sleep(20);

const broker = createRedisBroker({
  redis: () => quiet(new Redis({ host: '127.0.0.1', port: redis.port })),
  prefix,
});
const channel = broker.channel('chaos', { historySize: 100_000 });
let next = 0;
const published = new Set<number>();
/** The last number published before Redis lost its history (losses up to it may be signalled). */
let lostHistoryUpTo = 0;
const pending = new Set<Promise<void>>();
// RATE events/s on one connection, without waiting for replies (ioredis keeps their order; while
// Redis is down they wait in its offline queue), so a slow Redis does not slow the publisher.
const publishStart = performance.now();
const publisher = setInterval(() => {
  // As many as are due by now: the rate holds even when timers run late on a busy machine.
  const due = Math.floor(((performance.now() - publishStart) / 1000) * rate);
  while (next < due) {
    const n = ++next;
    const p = channel.publish({ data: n }).then(
      () => void published.add(n),
      () => {},
    );
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }
}, 10);
const faults: Record<Fault | 'instance killed' | 'redis killed', number> = {
  drop: 0,
  reset: 0,
  stall: 0,
  'instance killed': 0,
  'redis killed': 0,
};
const started = Date.now();
const progress = setInterval(() => {
  const t = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`${t} s: ${published.size} published, ${clients[0]!.events.length} at client 0`);
}, 2000);
let nextKill = started + 3000;
let redisKilled = false;
while (Date.now() - started < seconds * 1000) {
  await sleep(100 + random() * 200);
  const fault = (['drop', 'reset', 'stall'] as const)[Math.floor(random() * 3)]!;
  if (proxy.inject(fault, random, 3000)) faults[fault]++;
  if (Date.now() >= nextKill) {
    nextKill = Date.now() + 3000;
    const victim = live.splice(Math.floor(random() * live.length), 1)[0]!;
    await victim.kill();
    faults['instance killed']++;
    proxy.backends = [...live.map((i) => i.port), (await startOne()).port];
  }
  if (!redisKilled && Date.now() - started > (seconds * 1000) / 2) {
    redisKilled = true;
    const port = redis.port;
    await redis.stop(true);
    // Everything acknowledged so far was stored by the Redis that is gone (publishes made while
    // it is down wait in the client's queue for the new one).
    lostHistoryUpTo = Math.max(...published, 0);
    faults['redis killed']++;
    await sleep(redisDownMs); // clients that reconnect meanwhile must keep trying
    redis = await startRedis(port); // empty: the history is gone
  }
}
clearInterval(publisher);
await Promise.all(pending);
clearInterval(progress);
const last = Math.max(...published);
const deadline = Date.now() + 15_000;
while (Date.now() < deadline && !clients.every((c) => (c.events.at(-1)?.n ?? 0) >= last)) {
  await sleep(50);
}

let lost = 0;
let lostUnsignalled = 0;
let duplicated = 0;
let duplicatedUnsignalled = 0;
let outOfOrder = 0;
let idBackwards = 0;
let delivered = 0;
let resets = 0;
let clientsReset = 0;
const reconnects: number[] = [];
for (const c of clients) {
  const t = tally(c, 0);
  const l = lossTally(c, published, lostHistoryUpTo);
  delivered += t.delivered;
  outOfOrder += t.outOfOrder;
  idBackwards += t.idBackwards;
  lost += l.lost;
  lostUnsignalled += l.lostUnsignalled;
  duplicated += l.duplicated;
  duplicatedUnsignalled += l.duplicatedUnsignalled;
  resets += c.resets;
  if (c.resets > 0) clientsReset++;
  reconnects.push(...c.reconnectMs);
  if (process.env.CHAOS_DEBUG && (l.lostUnsignalled || l.duplicatedUnsignalled)) {
    console.log(
      `${c.library}: ${JSON.stringify(l)}, resets after ${c.resetAfter}, opens at ${c.openAt}`,
    );
  }
  c.close();
}

const rows: [string, string | number][] = [
  ['seconds of chaos', seconds],
  [
    'clients (ssekit + eventsource)',
    `${clientCount} (${Math.ceil(clientCount / 2)} + ${Math.floor(clientCount / 2)})`,
  ],
  [
    'faults injected',
    Object.entries(faults)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  ],
  ['events published', published.size],
  ['events delivered (all clients)', delivered],
  ['expected (published x clients)', published.size * clientCount],
  ['lost', lost],
  ['lost without a reset', lostUnsignalled],
  ['duplicated', duplicated],
  ['duplicated without a reset', duplicatedUnsignalled],
  ['out of order', outOfOrder],
  ['last event id moved backwards', idBackwards],
  ['resets signalled', resets],
  ['clients told of the lost history', `${clientsReset} of ${clientCount}`],
  ['reconnects', reconnects.length],
  ['reconnect time p50 (ms)', quantile(reconnects, 0.5).toFixed(0)],
  ['reconnect time p99 (ms)', quantile(reconnects, 0.99).toFixed(0)],
];
for (const [k, v] of rows) console.log(`${k.padEnd(32)} ${v}`);

await broker.close();
await proxy.close();
for (const i of live) await i.kill();
for (const s of standbys) await (await s).cancel();
await redis.stop();
process.exit(0);
