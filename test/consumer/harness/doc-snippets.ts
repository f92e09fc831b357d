import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The pages a newcomer reads: the root README, each package's README and the docs folder. */
export function docPages(repo: string): string[] {
  const readmes = readdirSync(join(repo, 'packages')).map((p) => `packages/${p}/README.md`);
  const docs = readdirSync(join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', ...readmes, 'apps/mock-server/README.md', ...docs].filter((page) => {
    try {
      readFileSync(join(repo, page));
      return true;
    } catch {
      return false;
    }
  });
}

export interface DocSnippet {
  /** Where it comes from: `page:line`. */
  readonly source: string;
  /** Its path in the app: `<page>/<file>`, the file named by a first-line `// path` comment. */
  readonly file: string;
  readonly code: string;
}

const FENCE = /^```(ts|tsx)\n([\s\S]*?)^```$/gm;
/** A first line such as `// app/page.tsx: a server component` names the snippet's file. */
const NAMED = /^\/\/ ([\w./-]+\.tsx?)\b/;

/**
 * The TypeScript examples of the docs that are whole modules: every ```ts / ```tsx block with
 * an `import` or a file name (a fragment without either is prose, not a file to paste). Blocks of one page
 * sit in one folder, so an example's relative imports (`./streams`) find their neighbours.
 */
export function docSnippets(repo: string): DocSnippet[] {
  return docPages(repo).flatMap((page) => {
    const text = readFileSync(join(repo, page), 'utf8');
    const folder = page.replace(/(\/README)?\.md$/, '').replace(/\W+/g, '-');
    return [...text.matchAll(FENCE)]
      .filter(([, , code]) => /^import /m.test(code!) || NAMED.test(code!))
      .map(([, lang, code], i, all) => {
        const line = text.slice(0, all[i]!.index).split('\n').length + 1;
        const named = NAMED.exec(code!)?.[1];
        return {
          source: `${page}:${line}`,
          file: `${folder}/${named ?? `example-${line}.${lang}`}`,
          code: code!,
        };
      });
  });
}

/**
 * Writes the snippets into `dir/docs` with a tsconfig (`tsconfig.docs.json`) that type-checks
 * them with the app's own settings plus Node's types, beside the declarations of what they
 * leave to the reader (`doc-globals.d.ts`: the reader's own code).
 * Returns the snippets, for error messages that point back at the page and line.
 */
export function writeDocSnippets(repo: string, dir: string): DocSnippet[] {
  const snippets = docSnippets(repo);
  for (const { file, code, source } of snippets) {
    const path = join(dir, 'docs', file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `// From ${source}\n${code}`);
  }
  copyFileSync(new URL('doc-globals.d.ts', import.meta.url), join(dir, 'docs', 'globals.d.ts'));
  // The app's own settings (strict, `skipLibCheck: false`), with Node's types for the server
  // examples.
  const tsconfig = {
    extends: './tsconfig.json',
    compilerOptions: { types: ['node', 'vite/client'] },
    include: ['docs'],
  };
  writeFileSync(join(dir, 'tsconfig.docs.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return snippets;
}
