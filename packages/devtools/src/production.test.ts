// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Strings only the panel's code has (its UI and its store). */
const PANEL = ['Simulate drop', 'Pause delivery', 'Events, newest first', 'maxHeld'];

/** A production `vite build` of a one-file app; returns its JS chunks (name and code). */
async function buildApp(app: string): Promise<{ name: string; code: string; entry: boolean }[]> {
  const entry: Plugin = {
    name: 'app-entry',
    resolveId: (id) => (id === 'virtual:app' ? '\0app.tsx' : null),
    load: (id) => (id === '\0app.tsx' ? app : null),
  };
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    // As `vite build` sets it (the test runner has set NODE_ENV to `test`).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [entry],
    resolve: {
      alias: [
        { find: /^@ssekit\/devtools\/production$/, replacement: src('./production.ts') },
        { find: /^@ssekit\/devtools$/, replacement: src('./index.ts') },
      ],
      conditions: ['source', 'module', 'browser', 'production'],
    },
    build: {
      write: false,
      minify: true,
      rollupOptions: {
        input: 'virtual:app',
        external: ['react', 'react-dom', 'react/jsx-runtime'],
      },
    },
  })) as Rolldown.RolldownOutput;
  return output.output.flatMap((c) =>
    c.type === 'chunk' ? [{ name: c.fileName, code: c.code, entry: c.isEntry }] : [],
  );
}

const has = (code: string) => PANEL.filter((s) => code.includes(s));

describe('production builds', () => {
  it('drop the panel of the default entry; the /production entry keeps it', async () => {
    const [plain, shipped, lazy] = await Promise.all([
      buildApp(`import { SSEDevtools } from '@ssekit/devtools';
        import { jsx } from 'react/jsx-runtime';
        export const app = jsx(SSEDevtools, {});`),
      buildApp(`import { SSEDevtools } from '@ssekit/devtools/production';
        import { jsx } from 'react/jsx-runtime';
        export const app = jsx(SSEDevtools, {});`),
      // As the dashboards do: the default entry, and the unguarded one loaded behind a flag.
      buildApp(`import { SSEDevtools } from '@ssekit/devtools';
        import { lazy } from 'react';
        export const dev = SSEDevtools;
        export const Flagged = lazy(() => import('@ssekit/devtools/production'));`),
    ]);
    // Default entry only: one chunk, with nothing of the panel (no lazy chunk either).
    expect(plain.map((c) => c.entry)).toEqual([true]);
    expect(has(plain[0]!.code)).toEqual([]);
    expect(plain[0]!.code.length).toBeLessThan(300);
    // The production entry: the whole panel.
    expect(has(shipped.map((c) => c.code).join(''))).toEqual(PANEL);
    // Both: the entry chunk has none of it; the panel is in the lazily loaded chunk.
    const entry = lazy.find((c) => c.entry)!;
    expect(has(entry.code)).toEqual([]);
    expect(
      has(
        lazy
          .filter((c) => !c.entry)
          .map((c) => c.code)
          .join(''),
      ),
    ).toEqual(PANEL);
  });
});
