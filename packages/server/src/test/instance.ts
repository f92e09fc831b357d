/**
 * A server instance run as a child process by the failure tests and `pnpm bench:chaos`, so it
 * can be killed with SIGKILL. Serves one channel at every path:
 * - without REDIS_PORT, a local channel (own history, own epoch) that publishes `{ data: n }`
 *   (n = 1, 2, ... counted by this process) RATE times a second, after PREFILL at once;
 * - with REDIS_PORT, the Redis broker's channel NAME (publishing is the parent's job); REDIS_RETRIES
 *   sets ioredis' `maxRetriesPerRequest`.
 * Prints `listening <port>` once it accepts connections. With STANDBY=1 it loads, prints `ready`
 * and waits for a line on stdin before it starts, so a restart takes milliseconds, not a load.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createChannel } from '../index';
import { createRedisBroker } from '../redis';

const env = process.env;
if (env.STANDBY === '1') {
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
}
const port = Number(env.PORT ?? 0);
const rate = Number(env.RATE ?? 0);
const options = { heartbeatMs: 1000, retry: Number(env.RETRY ?? 50) };
let handler: http.RequestListener;

if (env.REDIS_PORT) {
  const broker = createRedisBroker({
    // Errors while Redis is away are retried by ioredis; they are not worth a crash or a log.
    // REDIS_RETRIES bounds how long a request waits for an away Redis (ioredis queues commands
    // until then) before it is answered with a retry hint.
    redis: () =>
      new Redis({
        host: '127.0.0.1',
        port: Number(env.REDIS_PORT),
        ...(env.REDIS_RETRIES && { maxRetriesPerRequest: Number(env.REDIS_RETRIES) }),
      }).on('error', () => {}),
    prefix: env.PREFIX ?? 'ssekit:',
  });
  const channel = broker.channel(env.NAME ?? 'chaos', {
    historySize: Number(env.HISTORY ?? 10_000),
  });
  handler = (req, res) => {
    channel.handle(req, res, options).catch(() => {}); // Redis away: answered with a retry hint
  };
} else {
  const channel = createChannel({ historySize: Number(env.HISTORY ?? 10_000) });
  let n = 0;
  for (let i = 0; i < Number(env.PREFILL ?? 0); i++) channel.publish({ data: ++n });
  if (rate > 0) setInterval(() => channel.publish({ data: ++n }), 1000 / rate);
  handler = (req, res) => {
    channel.handle(req, res, options);
  };
}

const server = http.createServer(handler);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
