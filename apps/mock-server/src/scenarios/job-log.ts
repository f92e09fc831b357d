import { createRandom, hashSeed } from '../random';
import type { JobStage, TimedEvent } from './jobs';
import type { LogLevel, LogLine } from './logs';

const ESC = '\u001b[';
const colour = (code: number, text: string) => `${ESC}${code}m${text}${ESC}0m`;

const WORK: Record<JobStage, string[]> = {
  Queued: ['Waiting for a runner', 'Restoring cache of node_modules'],
  Building: ['Compiling', 'Bundling', 'Type-checking', 'Minifying'],
  Testing: ['Running', 'Collecting coverage of'],
  Deploying: ['Uploading', 'Warming the edge cache for'],
};
const FILES = ['src/index.ts', 'src/parser.ts', 'src/client.ts', 'src/hooks.tsx', 'src/Ticker.tsx'];

/**
 * The build log of a job, in step with its timeline: a header when a stage starts, a line or two
 * per progress step, the failure or the result, then `end` `{ status }`. Events `log`
 * (`{ line, level, text, time }`, as `/sse/logs`; `time` is `startTime` + the event's offset) with
 * ids 1, 2, 3, ...
 */
export function jobLogTimeline(
  seed: string,
  timeline: readonly TimedEvent[],
  startTime: number,
): TimedEvent[] {
  const random = createRandom(hashSeed('job-log', seed));
  const out: Array<
    { atMs: number; level: LogLevel; text: string } | { atMs: number; end: string }
  > = [];
  const log = (atMs: number, level: LogLevel, text: string) => out.push({ atMs, level, text });
  let stage: string | undefined;
  for (const { atMs, msg } of timeline) {
    const data = msg.data as Record<string, unknown>;
    if (msg.event === 'progress') {
      const next = data.stage as JobStage;
      if (next !== stage) {
        stage = next;
        log(atMs, 'info', colour(1, `==> ${next}`));
      }
      const file = random.pick(FILES);
      const line = `${random.pick(WORK[next])} ${file} (${random.int(3, 400)} ms)`;
      log(atMs, random.chance(0.3) ? 'debug' : 'info', line);
      if (next === 'Testing' && random.chance(0.5)) {
        log(atMs, 'info', `${colour(32, '✓')} ${random.int(4, 40)} tests passed in ${file}`);
      }
      if (random.chance(0.08)) log(atMs, 'warn', `${colour(33, 'warning')} ${file} is large`);
    } else if (msg.event === 'failed') {
      log(atMs, 'error', `${colour(31, 'FAIL')} ${String(data.error)}`);
      out.push({ atMs, end: 'failed' });
    } else if (msg.event === 'done') {
      log(atMs, 'info', `${colour(32, '✓')} ${String(data.result)}`);
      out.push({ atMs, end: 'success' });
    }
  }
  let line = 0;
  return out.map((entry, i) => {
    const id = i + 1;
    if ('end' in entry) {
      return { atMs: entry.atMs, msg: { id, event: 'end', data: { status: entry.end } } };
    }
    line++;
    const data: LogLine = {
      line,
      level: entry.level,
      text: entry.text,
      time: startTime + entry.atMs,
    };
    return { atMs: entry.atMs, msg: { id, event: 'log', data } };
  });
}
