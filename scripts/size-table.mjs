// Prints what a user pays for ssekit's entry points beside the usual alternatives: the README's
// size table. Every row is measured as size-limit measures the budgets of `.size-limit.json` in
// the test command (its esbuild and file plugins: bundled, minified, gzip level 9, React
// external), so the table and the check agree. Build the packages first. `--write` puts the
// table into the README, between the `<!-- size-table -->` and `<!-- /size-table -->` markers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuildPlugin from '@size-limit/esbuild';
import filePlugin from '@size-limit/file';
import sizeLimit from 'size-limit';

const root = new URL('..', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('.size-limit.json', root), 'utf8'));

/** Label in the table; the size-limit entry (`.size-limit.json` form) that measures it. */
const rows = [
  ...budgets.map((entry) => ({
    label: entry.name.replace(/^(\{ \w+ \}) from (\S+)$/, '`$1` from `$2`'),
    entry,
  })),
  anchor("react-use-websocket's `useEventSource`", 'react-use-websocket', '{ useEventSource }'),
  anchor('eventsource 4 (`EventSource`)', 'eventsource', '{ EventSource }'),
  anchor('eventsource-client (`createEventSource`)', 'eventsource-client', '{ createEventSource }'),
  anchor('eventsource-parser (`createParser`)', 'eventsource-parser', '{ createParser }'),
];

/** Another library, entered through a file that re-exports it, so it resolves as for a browser. */
function anchor(label, name, imported) {
  const dir = new URL('node_modules/.cache/size-table/', root);
  mkdirSync(dir, { recursive: true });
  const path = fileURLToPath(new URL(`${name}.js`, dir));
  writeFileSync(path, `export * from '${name}';\n`);
  return { label, entry: { path, import: imported, ignore: ['react', 'react-dom'], gzip: true } };
}

const checks = rows.map(({ entry }) => {
  const file = fileURLToPath(new URL(entry.path, root));
  return { files: [file], import: { [file]: entry.import }, ignore: entry.ignore, gzip: true };
});
const results = await sizeLimit([esbuildPlugin, filePlugin], { checks });

const header = ['what you import', 'min + gzip', 'budget'];
const cells = rows.map(({ label, entry }, i) => [
  label,
  `${(results[i].size / 1000).toFixed(2)} kB`,
  entry.limit ?? '',
]);
// Aligned as a formatter would: text to the left, sizes to the right.
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
const line = (values) =>
  `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
const table = [
  line(header),
  `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  ...cells.map(line),
].join('\n');
console.log(table);

if (process.argv.includes('--write')) {
  const readmeUrl = new URL('README.md', root);
  const readme = readFileSync(readmeUrl, 'utf8');
  const marked = /(<!-- size-table -->\n)[\s\S]*?(\n<!-- \/size-table -->)/;
  if (!marked.test(readme)) throw new Error('README.md has no <!-- size-table --> markers');
  writeFileSync(
    readmeUrl,
    readme.replace(marked, (_, start, end) => `${start}${table}${end}`),
  );
  console.log('\nREADME.md updated.');
}
