import type { Generate } from '@ssekit/server';

/** What a {@link gated} generation did, in order: `token <n>` or `aborted`, with `Date.now()`. */
export interface GatedStep {
  what: string;
  at: number;
}

/**
 * A run generation of `total` tokens (`token` events with `{ text: 't<n> ' }`, then `done`),
 * each sent only once `release(n)` allowed it, so a test decides when the run makes progress.
 * An abort wakes it and ends it; `log` records each token sent and the abort.
 */
export function gated(total: number): {
  generate: Generate;
  log: GatedStep[];
  release(n: number): void;
} {
  let allowed = 0;
  let wake: (() => void) | null = null;
  const log: GatedStep[] = [];
  const generate: Generate = async function* ({ signal }) {
    signal.addEventListener('abort', () => {
      log.push({ what: 'aborted', at: Date.now() });
      wake?.();
    });
    for (let n = 1; n <= total; n++) {
      while (allowed < n && !signal.aborted) await new Promise<void>((r) => (wake = r));
      if (signal.aborted) return;
      log.push({ what: `token ${n}`, at: Date.now() });
      yield { event: 'token', data: { text: `t${n} ` } };
    }
    yield { event: 'done', data: {} };
  };
  return {
    generate,
    log,
    release(n: number) {
      allowed = n;
      wake?.();
    },
  };
}
