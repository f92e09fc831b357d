import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './processes';

const fixtures = fileURLToPath(new URL('..', import.meta.url));

/** Versions the apps install besides the tarballs, as a new user would pick them today. */
const LATEST = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@tanstack/react-query': '5.108.0',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
  typescript: '5.9.3',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  ioredis: '5.11.1',
  // Next.js 16 runs on Node >= 20.9.
  next: '16.4.6',
};

/** The lowest versions the peer ranges promise (React 18, the first TanStack Query that works). */
export const LOWEST = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  '@tanstack/react-query': '5.90.16',
  '@types/react': '18.3.32',
  '@types/react-dom': '18.3.7',
};

type Versions = Partial<Record<keyof typeof LATEST, string>>;

/** One app of the consumer workspace: a fixture folder copied next to the others. */
export interface App {
  readonly label: string;
  readonly dir: string;
  readonly kind: 'vite' | 'next';
}

/** Folder names and fixtures of the three apps. */
export interface ConsumerApps {
  readonly vite: App;
  readonly viteLowest: App;
  readonly next: App;
}

const manifest = (name: string, deps: Versions, devDeps: Versions, ssekit: string[]) => ({
  name,
  private: true,
  type: 'module',
  // `*` resolves to the tarball through the workspace's overrides.
  dependencies: { ...Object.fromEntries(ssekit.map((n) => [n, '*'])), ...deps },
  devDependencies: devDeps,
});

const pick = (names: Array<keyof typeof LATEST>, over: Versions = {}): Versions =>
  Object.fromEntries(names.map((n) => [n, over[n] ?? LATEST[n]]));

/**
 * Writes a pnpm workspace of three fresh apps into `work`: a Vite + React 19 app, the same app
 * with the lowest supported React and TanStack Query, and a Next.js App Router app. Every
 * `@ssekit/*` package (also as a dependency of another) resolves to its tarball.
 */
export function writeConsumerWorkspace(
  work: string,
  tarballs: Record<string, string>,
): ConsumerApps {
  const apps: ConsumerApps = {
    vite: { label: 'Vite + React 19', dir: join(work, 'vite-app'), kind: 'vite' },
    viteLowest: {
      label: 'Vite + React 18 + TanStack Query 5.90.16',
      dir: join(work, 'vite-app-lowest'),
      kind: 'vite',
    },
    next: { label: 'Next.js App Router', dir: join(work, 'next-app'), kind: 'next' },
  };
  cpSync(join(fixtures, 'vite-app'), apps.vite.dir, { recursive: true });
  cpSync(join(fixtures, 'vite-app'), apps.viteLowest.dir, { recursive: true });
  cpSync(join(fixtures, 'next-app'), apps.next.dir, { recursive: true });

  const all = Object.keys(tarballs);
  const client = all.filter((n) => n !== '@ssekit/server' && n !== '@ssekit/mock-server');
  const viteDeps: Array<keyof typeof LATEST> = ['react', 'react-dom', '@tanstack/react-query'];
  const viteDevDeps: Array<keyof typeof LATEST> = [
    '@types/react',
    '@types/react-dom',
    '@types/node',
    'typescript',
    'vite',
    '@vitejs/plugin-react',
  ];
  const files: Array<[string, object]> = [
    // ioredis: for the Redis examples of the docs, type-checked in this app.
    [apps.vite.dir, manifest('vite-app', pick(viteDeps), pick([...viteDevDeps, 'ioredis']), all)],
    [
      apps.viteLowest.dir,
      manifest('vite-app-lowest', pick(viteDeps, LOWEST), pick(viteDevDeps, LOWEST), all),
    ],
    [
      apps.next.dir,
      manifest(
        'next-app',
        pick(['react', 'react-dom', 'next']),
        pick(['@types/react', '@types/react-dom', '@types/node', 'typescript']),
        client,
      ),
    ],
  ];
  for (const [dir, json] of files) {
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(json, null, 2)}\n`);
  }
  writeFileSync(join(work, 'package.json'), '{ "name": "consumer-apps", "private": true }\n');
  const overrides = Object.entries(tarballs).map(([n, t]) => `  '${n}': 'file:${t}'`);
  writeFileSync(
    join(work, 'pnpm-workspace.yaml'),
    [
      'packages: [vite-app, vite-app-lowest, next-app]',
      'onlyBuiltDependencies: [esbuild]',
      'overrides:',
      ...overrides,
      '',
    ].join('\n'),
  );
  return apps;
}

const PNPM = ['-y', 'pnpm@10.34.9'];

/**
 * One install for all three apps, from the repository's pnpm store (named explicitly: where
 * the temp folder is on another disk, pnpm would otherwise start an empty store there).
 */
export async function installConsumerWorkspace(work: string): Promise<void> {
  const repo = fileURLToPath(new URL('../../..', import.meta.url));
  const store = (await run('npx', [...PNPM, 'store', 'path'], repo)).trim();
  await run('npx', [...PNPM, 'install', '--prefer-offline', '--store-dir', store], work);
}
