/**
 * Resolves once `predicate` returns true, checking every `everyMs`; rejects with "timed out"
 * after `timeoutMs`. For tests that wait for a condition instead of sleeping.
 */
export function until(predicate: () => boolean, timeoutMs = 5000, everyMs = 5): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(check, everyMs);
    };
    check();
  });
}
