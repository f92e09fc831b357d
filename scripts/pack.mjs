// Packs every publishable package with pnpm (which applies `publishConfig` and turns
// `workspace:` ranges into real ones), as a user would get it from the registry.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Publishable package folders, in dependency order. */
export const PACKAGE_DIRS = [
  'packages/core',
  'packages/react',
  'packages/ui',
  'packages/server',
  'apps/mock-server',
];

/** Packs every package into `dir` (emptied first); returns `{ name: tarball path }`. */
export function packAll(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tarballs = {};
  for (const pkgDir of PACKAGE_DIRS) {
    const before = new Set(readdirSync(dir));
    execFileSync('npx', ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', resolve(dir)], {
      cwd: pkgDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const made = readdirSync(dir).find((f) => !before.has(f));
    if (!made) throw new Error(`pnpm pack made no tarball in ${pkgDir}`);
    const name = JSON.parse(
      execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").name)'], {
        cwd: pkgDir,
        encoding: 'utf8',
      }),
    );
    tarballs[name] = join(resolve(dir), made);
  }
  return tarballs;
}
