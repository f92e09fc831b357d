/**
 * Commits per second with a fast stream: `useSSE` (batched per frame, reducing every event)
 * against a naive hook that calls `setState` for every message, in one run, into components
 * rendered by react-dom in jsdom. The server runs in a worker thread and sends RATE events/s
 * spread evenly (a few per millisecond), as a busy ticker does. "JS ms" is the main thread's
 * busy time (event-loop utilisation) while streaming: the network, parsing and React together.
 * Run: `pnpm bench:react` (RATE=10000, SECONDS=2 per round, ROUNDS=2 by default).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The sources import '@ssekit/core' through its `source` export condition: re-run under it.
if (!process.execArgv.some((arg) => arg.includes('conditions=source'))) {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', self], {
    stdio: 'inherit',
    env: { NODE_ENV: 'production', ...process.env },
  });
  process.exit(run.status ?? 1);
}

const { runBench } = await import('./commits');
await runBench();
