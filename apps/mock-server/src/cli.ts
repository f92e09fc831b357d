#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { CATALOG } from './catalog';
import { startMockServer } from './standalone';

const USAGE = `Usage: ssekit-mock [--port <n>] [--host <addr>] [--seed <s>] [--origin <pattern>]...

  --port    port to listen on (default: $PORT or 3001)
  --host    address to bind (default 127.0.0.1)
  --seed    seed of every scenario (default 1; requests can override with ?seed=)
  --origin  CORS origin pattern, repeatable (default http://localhost:* and http://127.0.0.1:*)`;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    origin: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const rawPort = values.port ?? process.env.PORT ?? '3001';
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65535) {
  console.error(`Invalid port "${rawPort}"\n\n${USAGE}`);
  process.exit(2);
}

const server = await startMockServer({
  port,
  host: values.host,
  ...(values.seed !== undefined && { seed: values.seed }),
  ...(values.origin !== undefined && { origins: values.origin }),
});
console.log(`ssekit mock SSE server on ${server.url}`);
console.log(`  index  ${server.url}/sse/index.html  (JSON: ${server.url}/sse/)`);
for (const scenario of CATALOG.scenarios) {
  console.log(`  ${scenario.name.padEnd(13)} ${server.url}${scenario.examples[0]}`);
}

const stop = () => {
  server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
