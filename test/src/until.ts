/**
 * Resolves with the first truthy value `probe` returns, checking it at once and then every
 * `everyMs`; rejects naming the probe after `timeoutMs`. For tests that wait for a condition
 * (a server-side count, an event id reached, a frame's record) instead of sleeping. The limit
 * only turns a condition that never comes into a clear failure before the test's own timeout:
 * it is not a timing claim, so keep it generous.
 *
 * Browser-safe (no Node modules): browser tests import it from `@ssekit/testing/until`, the
 * Node and jsdom tests from `@ssekit/testing`.
 *
 * @example
 * const tab = await until(() => frame.contentWindow?.tab);
 * await until(() => server.requests.length === 2);
 */
export async function until<T>(
  probe: () => T | undefined | null | false,
  timeoutMs = 10_000,
  everyMs = 5,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${probe}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
