/**
 * Parser throughput: @ssekit/core's createParser against eventsource-parser@3, in one process,
 * interleaved, median of several rounds. Both get the same Uint8Array chunks; eventsource-parser
 * takes strings, so its cost includes a streaming TextDecoder (what a user of it has to do).
 * Bare TextDecoder throughput is printed as the floor. Times are CPU time of this process (GC
 * included), which other load on the machine disturbs less than wall time. Run: `pnpm bench`.
 */
import { createParser as createReferenceParser } from 'eventsource-parser';
import { createParser } from '../src/parser';
import { type Corpus, corpora } from './corpora';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const WARMUP = 2;

/** CPU time of this process in ms: steadier than wall time when other work shares the machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Result {
  ms: number;
  events: number;
  dataChars: number;
}

function runSsekit(corpus: Corpus): Result {
  let events = 0;
  let dataChars = 0;
  const start = cpuMs();
  const parser = createParser(
    {
      onEvent(e) {
        events++;
        dataChars += e.data.length;
      },
    },
    // The default limit (16 MiB) would rightly drop the 50 MB line; raise it, but keep it on.
    { maxEventBytes: 64 * 1024 * 1024 },
  );
  for (const chunk of corpus.chunks) parser.feed(chunk);
  return { ms: cpuMs() - start, events, dataChars };
}

function runReference(corpus: Corpus): Result {
  let events = 0;
  let dataChars = 0;
  const start = cpuMs();
  const decoder = new TextDecoder();
  const parser = createReferenceParser({
    onEvent(e) {
      events++;
      dataChars += e.data.length;
    },
  });
  for (const chunk of corpus.chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  return { ms: cpuMs() - start, events, dataChars };
}

function runDecoder(corpus: Corpus): Result {
  let chars = 0;
  const start = cpuMs();
  const decoder = new TextDecoder();
  for (const chunk of corpus.chunks) chars += decoder.decode(chunk, { stream: true }).length;
  return { ms: cpuMs() - start, events: 0, dataChars: chars };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mbPerS(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1e3)).toFixed(0);
}

function pad(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

const rows: string[][] = [];
let slower = 0;
const started = performance.now();
for (const { build } of corpora) {
  const corpus = build();
  const times = { ssekit: [] as number[], reference: [] as number[], decoder: [] as number[] };
  // Warm-up rounds, then ROUNDS measured ones; the order alternates to spread GC and JIT noise.
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const ours = round % 2 === 0;
    const a = ours ? runSsekit(corpus) : runReference(corpus);
    const b = ours ? runReference(corpus) : runSsekit(corpus);
    const [mine, theirs] = ours ? [a, b] : [b, a];
    const floor = runDecoder(corpus);
    if (mine.events !== theirs.events || mine.dataChars !== theirs.dataChars) {
      throw new Error(
        `${corpus.name}: parsers disagree (${mine.events} vs ${theirs.events} events, ${mine.dataChars} vs ${theirs.dataChars} chars)`,
      );
    }
    if (mine.events === 0) throw new Error(`${corpus.name}: no events parsed`);
    if (round < WARMUP) continue;
    times.ssekit.push(mine.ms);
    times.reference.push(theirs.ms);
    times.decoder.push(floor.ms);
  }
  const ours = median(times.ssekit);
  const theirs = median(times.reference);
  const ratio = theirs / ours;
  if (ratio < 1) slower++;
  rows.push([
    corpus.name,
    (corpus.bytes / 1e6).toFixed(1),
    mbPerS(corpus.bytes, ours),
    mbPerS(corpus.bytes, theirs),
    `${ratio.toFixed(2)}x`,
    mbPerS(corpus.bytes, median(times.decoder)),
  ]);
}

const header = [
  'corpus',
  'MB',
  'ssekit MB/s',
  'eventsource-parser MB/s',
  'ratio',
  'TextDecoder MB/s',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i === 0)).join('  ');
console.log(
  `SSE parser throughput (CPU time), median of ${ROUNDS} rounds, Node ${process.version}; ratio = ssekit speed / eventsource-parser speed`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

/**
 * Linear time: ssekit alone on one line of `size` bytes fed one byte at a time (the chunks are
 * cut as it goes, so 50 MB needs no 50 million chunk objects up front). Returns MB/s.
 */
function drip(size: number): number {
  const all = new TextEncoder().encode(`data: ${'x'.repeat(size)}\n\n`);
  let chars = 0;
  const parser = createParser(
    { onEvent: (e) => (chars += e.data.length) },
    { maxEventBytes: 64 * 1024 * 1024 },
  );
  const start = cpuMs();
  for (let i = 0; i < all.length; i++) parser.feed(all.subarray(i, i + 1));
  const ms = cpuMs() - start;
  if (chars !== size) throw new Error(`drip of ${size} bytes: got ${chars} characters`);
  return all.length / 1e6 / (ms / 1e3);
}
const small = drip(2_000_000);
const large = drip(50 * 1024 * 1024);
console.log(
  `\nLinear time: ssekit fed one byte at a time, 2 MB line ${small.toFixed(1)} MB/s, 50 MB line ${large.toFixed(1)} MB/s (ratio ${(large / small).toFixed(2)}; 1 = linear)`,
);

console.log(
  `\n${slower === 0 ? 'ssekit was never slower' : `ssekit was slower on ${slower} corpus(es)`}; ${((performance.now() - started) / 1e3).toFixed(1)} s total`,
);
