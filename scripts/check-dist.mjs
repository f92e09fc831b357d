// Checks that every package's built `dist/` (what users install) exports exactly the runtime
// names its `src` entry declares, for every entry of its `exports` map, in its ESM and CJS builds,
// and that the entries of the React packages start with 'use client' (Next.js App Router).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const packages = [
  'packages/core',
  'packages/react',
  'packages/ui',
  'packages/server',
  'packages/devtools',
  'apps/mock-server',
];
/** Packages whose every entry is a client module: a server component may import them. */
const CLIENT = new Set(['@ssekit/react', '@ssekit/ui', '@ssekit/devtools']);
let failures = 0;

/** Runtime (non-type) names exported by a source entry, following `export * from` too. */
function declaredNames(file) {
  const text = readFileSync(file, 'utf8');
  const names = new Set();
  for (const [, body] of text.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
    for (const part of body.split(',')) {
      const name = part.trim();
      if (!name || name.startsWith('type ')) continue;
      names.add(
        name
          .split(/\s+as\s+/)
          .pop()
          .trim(),
      );
    }
  }
  for (const [, from] of text.matchAll(/export\s*\*\s*from\s*'([^']+)'/g)) {
    for (const name of declaredNames(join(dirname(file), `${from}.ts`))) names.add(name);
  }
  for (const [, name] of text.matchAll(/export\s+(?:function|const|class)\s+(\w+)/g)) {
    names.add(name);
  }
  return names;
}

for (const name of packages) {
  const root = name;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (!target.source?.endsWith('.ts')) continue;
    const expected = [...declaredNames(join(root, target.source))].sort();
    const file = target.import?.default ?? target.default;
    const built = await import(pathToFileURL(join(root, file)).href);
    const actual = Object.keys(built).sort();
    if (target.require) {
      const required = createRequire(import.meta.url)(
        join(process.cwd(), root, target.require.default),
      );
      const cjs = Object.keys(required).sort();
      if (JSON.stringify(cjs) !== JSON.stringify(actual)) {
        failures++;
        console.error(`${pkg.name}${entry}: CJS exports [${cjs}] but ESM [${actual}]`);
      }
    }
    const label = `${pkg.name}${entry === '.' ? '' : entry.slice(1)}`;
    for (const built of CLIENT.has(pkg.name) ? [file, target.require?.default] : []) {
      if (built && !readFileSync(join(root, built), 'utf8').startsWith("'use client';")) {
        failures++;
        console.error(`${label}: ${built} does not start with 'use client'`);
      }
    }
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      failures++;
      console.error(`${label}: dist exports [${actual}] but src declares [${expected}]`);
    } else {
      console.log(`${label}: dist exports ${actual.length} names, as src declares`);
    }
  }
}
process.exit(failures ? 1 : 0);
