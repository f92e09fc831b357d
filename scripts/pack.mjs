// Packs every publishable package with pnpm (which applies `publishConfig` and turns
// `workspace:` ranges into real ones), as a user would get it from the registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Publishable package folders, in dependency order. */
export const PACKAGE_DIRS = [
  'packages/core',
  'packages/react',
  'packages/ui',
  'packages/server',
  'packages/devtools',
  'apps/mock-server',
];

/** Packs every package into `dir` (emptied first), in one pnpm run; returns `{ name: tarball path }`. */
export function packAll(dir) {
  const out = resolve(dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const filters = PACKAGE_DIRS.flatMap((d) => ['--filter', `./${d}`]);
  execFileSync('npx', ['-y', 'pnpm@10.34.9', '-r', ...filters, 'pack', '--pack-destination', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarballs = {};
  for (const pkgDir of PACKAGE_DIRS) {
    const { name, version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const file = join(out, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
    if (!existsSync(file)) throw new Error(`pnpm pack made no ${file}`);
    tarballs[name] = file;
  }
  return tarballs;
}
