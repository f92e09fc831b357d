/** Where a running answer's run is remembered, so a reload can rejoin it. */
export interface RememberedRun {
  /** The URL the run was started on (joined and cancelled there too). */
  url: string;
  runId: string;
}

const PREFIX = 'ssekit:run:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frames)
  }
}

/** The run remembered under `key` in this tab's session storage, if any. */
export function recallRun(key: string): RememberedRun | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (!raw) return null;
    const run = JSON.parse(raw) as Partial<RememberedRun>;
    return typeof run.url === 'string' && typeof run.runId === 'string'
      ? { url: run.url, runId: run.runId }
      : null;
  } catch {
    return null;
  }
}

/** Remembers (or, with null, forgets) the running run under `key`. */
export function rememberRun(key: string, run: RememberedRun | null): void {
  try {
    if (run) storage()?.setItem(PREFIX + key, JSON.stringify(run));
    else storage()?.removeItem(PREFIX + key);
  } catch {
    // full or disabled storage: the answer just cannot be rejoined after a reload
  }
}
