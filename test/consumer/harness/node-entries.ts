import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './processes';

/** Every entry point a user can import, as named in the packages' exports maps. */
export const ENTRIES = [
  '@ssekit/core',
  '@ssekit/react',
  '@ssekit/react/query',
  '@ssekit/ui',
  '@ssekit/server',
  '@ssekit/server/redis',
  '@ssekit/devtools',
  '@ssekit/devtools/production',
  '@ssekit/mock-server',
  '@ssekit/mock-server/vite',
] as const;

/** What `require()` and `import` of one entry gave in Node: export names, or the error. */
export interface EntryLoad {
  require: string[] | { error: string };
  import: string[] | { error: string };
}

// Runs inside the app, so Node resolves the packages as it would for the app's own code.
const SCRIPT = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const names = (m) => Object.keys(m).filter((k) => !['default', '__esModule', 'module.exports'].includes(k)).sort();
const fail = (e) => ({ error: String(e?.code ?? '') + ' ' + String(e?.message ?? e).split('\\n')[0] });
const out = {};
for (const id of JSON.parse(process.argv[2])) {
  out[id] = {};
  try { out[id].require = names(require(id)); } catch (e) { out[id].require = fail(e); }
  try { out[id].import = names(await import(id)); } catch (e) { out[id].import = fail(e); }
}
out['@ssekit/ui/styles.css'] = { resolved: require.resolve('@ssekit/ui/styles.css') };
console.log(JSON.stringify(out));
`;

/** Loads every entry with `require()` and with `import` in a Node process inside `appDir`. */
export async function loadEntries(appDir: string): Promise<Record<string, EntryLoad>> {
  writeFileSync(join(appDir, 'load-entries.mjs'), SCRIPT);
  const out = await run(process.execPath, ['load-entries.mjs', JSON.stringify(ENTRIES)], appDir);
  return JSON.parse(out);
}
