// Builds the shadcn registry of the dashboards (apps/dashboard/registry.json) to static JSON:
// one `<name>.json` per item (registry-item.json format, with each file's content inlined) and
// `registry.json` (the index), in apps/dashboard/public/r, which `vite` serves under /r/.
//   pnpm registry:build [outDir]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));

interface RegistryFile {
  path: string;
  type: string;
  target?: string;
  content?: string;
}

interface RegistryItem {
  name: string;
  type: string;
  title?: string;
  description?: string;
  dependencies?: string[];
  registryDependencies?: string[];
  files: RegistryFile[];
}

interface Registry {
  $schema?: string;
  name: string;
  homepage: string;
  items: RegistryItem[];
}

/** Writes every item (files inlined) and the index to `outDir`; returns the item names. */
export async function buildRegistry(outDir = join(appDir, 'public/r')): Promise<string[]> {
  const registry = JSON.parse(await readFile(join(appDir, 'registry.json'), 'utf8')) as Registry;
  await mkdir(outDir, { recursive: true });
  const names = new Set<string>();
  for (const item of registry.items) {
    if (names.has(item.name)) throw new Error(`registry.json: duplicate item "${item.name}"`);
    if (!/^[a-z0-9-]+$/.test(item.name)) throw new Error(`registry.json: bad name "${item.name}"`);
    names.add(item.name);
    const files = await Promise.all(
      item.files.map(async (file) => ({
        ...file,
        content: await readFile(join(appDir, file.path), 'utf8'),
      })),
    );
    const built = {
      $schema: 'https://ui.shadcn.com/schema/registry-item.json',
      ...item,
      files,
    };
    await writeFile(join(outDir, `${item.name}.json`), `${JSON.stringify(built, null, 2)}\n`);
  }
  await writeFile(join(outDir, 'registry.json'), `${JSON.stringify(registry, null, 2)}\n`);
  return [...names];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const names = await buildRegistry(out);
  console.log(`Built ${names.length} registry items: ${names.join(', ')}`);
}
