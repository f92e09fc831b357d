// Packs every package and lints the tarballs as published: publint (strict) for the package
// metadata and exports, arethetypeswrong for the types each condition resolves to.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll } from './pack.mjs';

/** ESM-only packages (no `require` entry: Node >= 20.19 loads them with `require()` anyway). */
const ESM_ONLY = new Set(['@ssekit/mock-server']);

const tarballs = packAll(join(tmpdir(), 'ssekit-check-packages'));
let failures = 0;
for (const [name, tarball] of Object.entries(tarballs)) {
  const run = (bin, args) => {
    try {
      execFileSync(bin, args, { stdio: 'pipe', encoding: 'utf8' });
      return null;
    } catch (error) {
      return `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    }
  };
  const publint = run('publint', ['--strict', tarball]);
  const profile = ESM_ONLY.has(name) ? 'esm-only' : 'node16';
  const exclude = name === '@ssekit/ui' ? ['--exclude-entrypoints', 'styles.css'] : [];
  const attw = run('attw', [tarball, '--profile', profile, '--format', 'ascii', ...exclude]);
  for (const [tool, out] of [
    ['publint --strict', publint],
    [`attw --profile ${profile}`, attw],
  ]) {
    if (out === null) console.log(`${name}: ${tool} clean`);
    else {
      failures++;
      console.error(`${name}: ${tool} found problems:\n${out}`);
    }
  }
}
process.exit(failures ? 1 : 0);
