import { expect, it } from 'vitest';

/** Opens a native EventSource and collects `quote` ids until `count` arrived. */
function collect(url: string, count: number) {
  return new Promise<{ ids: string[]; symbols: string[]; errors: number }>((resolve, reject) => {
    const source = new EventSource(url);
    const ids: string[] = [];
    const symbols: string[] = [];
    let errors = 0;
    const timer = setTimeout(() => {
      source.close();
      reject(new Error(`only ${ids.length} events: ${ids.join(',')}`));
    }, 10_000);
    source.addEventListener('error', () => {
      errors++;
    });
    source.addEventListener('quote', (event) => {
      ids.push(event.lastEventId);
      symbols.push((JSON.parse(event.data) as { symbol: string }).symbol);
      if (ids.length === count) {
        clearTimeout(timer);
        source.close();
        resolve({ ids, symbols, errors });
      }
    });
  });
}

it('the native EventSource resumes a dropped ticker with no gap or repeat', async () => {
  const { ids, symbols, errors } = await collect('/sse/ticker?dropAfter=3&retry=20&rate=200', 12);
  // Ids are `<epoch>-<n>`: one epoch (one history), n consecutive.
  const dash = ids[0]!.lastIndexOf('-');
  expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `${ids[0]!.slice(0, dash)}-${i + 1}`));
  expect(symbols.slice(0, 4)).toEqual(['AAPL', 'MSFT', 'GOOG', 'AAPL']);
  expect(errors).toBeGreaterThanOrEqual(3);
});

it('serves the index same-origin', async () => {
  const res = await fetch('/sse/');
  expect(res.status).toBe(200);
  const index = (await res.json()) as { scenarios: Array<{ name: string }> };
  expect(index.scenarios.map((s) => s.name)).toEqual([
    'ticker',
    'notifications',
    'jobs',
    'chat',
    'logs',
  ]);
});
