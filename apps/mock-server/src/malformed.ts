import { createRandom, hashSeed } from './random';

/**
 * Lines a spec-exact parser must skip: comments, unknown fields, fields without a colon, a
 * `retry` that is not all digits, an `id` with NUL (ignored), and an event type with no data
 * (never dispatched).
 */
const JUNK_BETWEEN = [
  ': malformed=1 comment\n',
  ':\r',
  'bogus\n',
  'x-unknown-field: ignored\n',
  'retry: 12a\n',
  'retry: -5\n',
  'id: bad\u0000id\n',
  'event: orphan\n\n',
  '\r\n',
];

/** Lines inside an event that change nothing about it. */
const JUNK_INSIDE = ['unknown: 1\n', 'nocolon\n', ': inside\n'];

const LINE_ENDS = ['\n', '\r\n', '\r'] as const;

/**
 * Returns a function that rewrites one formatted event (LF line ends, blank line last) into an
 * equivalent but messier form: junk lines before and inside it, a random line-end style (LF, CRLF
 * or lone CR) and sometimes no space after the colon. A spec-exact parser yields the same event.
 */
export function createMalformer(seed: string): (event: string) => string {
  const random = createRandom(hashSeed('malformed', seed));
  return (event) => {
    const lines = event.replace(/\n\n$/, '').split('\n');
    const end = random.pick(LINE_ENDS);
    let out = random.chance(0.7) ? random.pick(JUNK_BETWEEN) : '';
    for (const line of lines) {
      if (random.chance(0.25)) out += random.pick(JUNK_INSIDE).replace('\n', end);
      const field =
        line.startsWith('data: ') && random.chance(0.5) ? `data:${line.slice(6)}` : line;
      out += field + end;
    }
    return out + end;
  };
}
