// Prints what a user pays for ssekit's entry points beside the usual alternatives, measured the
// same way (esbuild bundle, minified, gzip level 9, React external): the README's size table.
// The budgets themselves are checked by size-limit (`.size-limit.json`) in the test command.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const rows = [
  ['`{ useSSE }` from `@ssekit/react`', "export { useSSE } from '@ssekit/react'", 'packages/react'],
  ['`{ connect }` from `@ssekit/core`', "export { connect } from '@ssekit/core'", 'packages/core'],
  [
    '`{ createParser }` from `@ssekit/core`',
    "export { createParser } from '@ssekit/core'",
    'packages/core',
  ],
  [
    "react-use-websocket's `useEventSource`",
    "export { useEventSource } from 'react-use-websocket'",
    '.',
  ],
  ['eventsource 4 (`EventSource`)', "export { EventSource } from 'eventsource'", '.'],
  [
    'eventsource-client (`createEventSource`)',
    "export { createEventSource } from 'eventsource-client'",
    '.',
  ],
  ['eventsource-parser (`createParser`)', "export { createParser } from 'eventsource-parser'", '.'],
];

const sizeOf = async (contents, resolveDir) => {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
};

const lines = ['| what you import | min + gzip |', '| --- | ---: |'];
for (const [label, code, dir] of rows) {
  const bytes = await sizeOf(code, dir);
  lines.push(`| ${label} | ${(bytes / 1000).toFixed(2)} kB |`);
}
console.log(lines.join('\n'));
