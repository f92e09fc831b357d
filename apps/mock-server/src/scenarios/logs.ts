import type { Feed } from '../feed';
import { numbered } from '../feed';
import { createRandom, hashSeed } from '../random';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Data of a `log` event. */
export interface LogLine {
  line: number;
  level: LogLevel;
  text: string;
  time: number;
}

export const DEFAULT_LOG_RATE = 20;

const ESC = '\u001b[';
const colour = (code: number, text: string) => `${ESC}${code}m${text}${ESC}0m`;
const COLOURS: Record<LogLevel, number> = { debug: 90, info: 32, warn: 33, error: 31 };

const PACKAGES = ['core', 'react', 'ui', 'server', 'dashboard', 'docs'];
const FILES = ['index.ts', 'parser.ts', 'client.ts', 'hooks.tsx', 'Ticker.tsx', 'session.ts'];
const STEPS = ['Resolving', 'Compiling', 'Bundling', 'Minifying', 'Type-checking', 'Testing'];

function message(level: LogLevel, random: ReturnType<typeof createRandom>, line: number): string {
  const pkg = colour(36, `@app/${random.pick(PACKAGES)}`);
  const file = `src/${random.pick(FILES)}`;
  switch (level) {
    case 'debug':
      return `${pkg} cache ${random.chance(0.7) ? 'hit' : 'miss'} for ${file} (${random.int(1, 90)} ms)`;
    case 'info':
      return random.chance(0.3)
        ? `${pkg} ${colour(32, '✓')} ${random.int(2, 60)} tests passed in ${file}`
        : `${pkg} ${random.pick(STEPS)} ${file} ${colour(1, `[${random.int(10, 900)} modules]`)}`;
    case 'warn':
      return `${pkg} ${colour(33, 'warning')} ${file}:${random.int(1, 300)} unused variable 'tmp${line}'`;
    case 'error':
      return `${pkg} ${colour(31, 'error')} ${file}:${random.int(1, 300)} TS2322: Type 'string' is not assignable to type 'number'.`;
  }
}

/** The level of line `index` and the random source for its text: a pure function of both. */
function lineRandom(base: number, index: number) {
  const random = createRandom(base ^ Math.imul(index + 1, 0x9e3779b1));
  const roll = random.next();
  const level: LogLevel =
    roll < 0.2 ? 'debug' : roll < 0.9 ? 'info' : roll < 0.985 ? 'warn' : 'error';
  return { level, random };
}

/**
 * Build log lines with ANSI colour codes; after `lines` lines (when given) one `end` event whose
 * status is `failed` when an error line was logged. Each line depends only on the seed and its
 * number, so resuming far into the log jumps there instead of generating every line before it.
 */
export function logsFeed(seed: string, lines: number | undefined): Feed {
  const base = hashSeed('logs', seed);
  return numbered(
    (index) => {
      if (lines !== undefined && index === lines) {
        let failed = false;
        for (let i = 0; i < lines && !failed; i++) failed = lineRandom(base, i).level === 'error';
        return { event: 'end', data: { status: failed ? 'failed' : 'success' } };
      }
      if (lines !== undefined && index > lines) return undefined;
      const { level, random } = lineRandom(base, index);
      const line = index + 1;
      const text = `${colour(COLOURS[level], level.toUpperCase().padEnd(5))} ${message(level, random, line)}`;
      const data: LogLine = { line, level, text, time: Date.now() };
      return { event: 'log', data };
    },
    Infinity,
    { seekable: true },
  );
}
