import { access, mkdir, mkdtemp, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { appDir, repoDir } from './harness';

/** What a fresh Vite + React app has installed: the kit, React, TanStack Query, Vite, TypeScript. */
const PACKAGES = {
  dependencies: ['@ssekit/react', '@ssekit/ui', '@tanstack/react-query', 'react', 'react-dom'],
  devDependencies: [
    '@types/react',
    '@types/react-dom',
    '@vitejs/plugin-react',
    'typescript',
    'vite',
  ],
};

/** The folder of an installed package, as this repository resolves it. */
async function packageDir(name: string): Promise<string> {
  for (const root of [appDir, repoDir]) {
    const dir = join(root, 'node_modules', name);
    if (
      await access(join(dir, 'package.json')).then(
        () => true,
        () => false,
      )
    )
      return realpath(dir);
  }
  throw new Error(`${name} is not installed`);
}

/**
 * Writes a fresh Vite + React + TypeScript app in a temporary folder, set up for the shadcn CLI
 * (`components.json`, `@/*` paths). Its `node_modules` links to this repository's packages (the
 * built `dist` of @ssekit/react and @ssekit/ui, as an app installing them from npm would get):
 * nothing is downloaded.
 */
export async function createFreshApp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ssekit-fresh-app-'));
  const pkg: Record<string, unknown> = { name: 'fresh-app', private: true, type: 'module' };
  for (const [field, names] of Object.entries(PACKAGES)) {
    const versions: Record<string, string> = {};
    for (const name of names) {
      const manifest = JSON.parse(
        await readFile(join(await packageDir(name), 'package.json'), 'utf8'),
      );
      versions[name] = manifest.version;
      const link = join(dir, 'node_modules', name);
      await mkdir(dirname(link), { recursive: true });
      await symlink(await packageDir(name), link, 'dir');
    }
    pkg[field] = versions;
  }
  const files: Record<string, string> = {
    'package.json': JSON.stringify(pkg, null, 2),
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          isolatedModules: true,
          types: ['vite/client'],
          baseUrl: '.',
          paths: { '@/*': ['./src/*'] },
        },
        include: ['src'],
      },
      null,
      2,
    ),
    // baseColor "" keeps the CLI from fetching a colour palette from its hosted registry.
    'components.json': JSON.stringify(
      {
        $schema: 'https://ui.shadcn.com/schema.json',
        style: 'new-york',
        rsc: false,
        tsx: true,
        tailwind: { config: '', css: 'src/index.css', baseColor: '', cssVariables: true },
        aliases: {
          components: '@/components',
          ui: '@/components/ui',
          hooks: '@/hooks',
          lib: '@/lib',
          utils: '@/lib/utils',
        },
      },
      null,
      2,
    ),
    'vite.config.ts': `import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()] });
`,
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>fresh app</title><link rel="icon" href="data:," /></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    'src/index.css': '',
    'src/main.tsx': `import '@ssekit/ui/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { MarketsDashboard } from './components/markets';
import { Sparkline } from './components/ui/Sparkline';
import { useConversations } from './hooks/useConversations';

function History() {
  const { conversations } = useConversations();
  return <p>{conversations.length} conversations</p>;
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <h1>Fresh app</h1>
    <Sparkline points={[{ time: 0, price: 1 }, { time: 1, price: 2 }]} label="Demo" />
    <History />
    <MarketsDashboard baseUrl={import.meta.env.VITE_SSE_BASE_URL} />
  </QueryClientProvider>,
);
`,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}
