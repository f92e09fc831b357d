import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import type { MockServer, MockServerOptions } from './mock-server';

/**
 * Loads the mock server through Vite's module runner with the `source` condition, so the plugin
 * works from a config file (which Vite and Storybook bundle without that condition) before the
 * workspace packages are built.
 */
async function loadMockServer(options: MockServerOptions): Promise<MockServer> {
  const { runnerImport } = await import('vite');
  const file = fileURLToPath(new URL('./mock-server.ts', import.meta.url));
  const { module } = await runnerImport<typeof import('./mock-server')>(file, {
    root: fileURLToPath(new URL('..', import.meta.url)),
    logLevel: 'silent',
    environments: { inline: { resolve: { conditions: ['source'], noExternal: [/^@ssekit\//] } } },
  });
  return module.createMockServer(options);
}

async function mount(
  middlewares: Connect.Server,
  httpServer: { once(event: 'close', listener: () => void): unknown } | null,
  options: MockServerOptions,
): Promise<void> {
  const mock = await loadMockServer(options);
  middlewares.use(mock as Connect.NextHandleFunction);
  httpServer?.once('close', () => mock.close());
}

/**
 * A Vite plugin that serves the mock SSE scenarios under `/sse` on the dev server and on
 * `vite preview`, so pages, stories and browser tests open them same-origin.
 */
export function mockServerPlugin(options: MockServerOptions = {}): Plugin {
  return {
    name: 'ssekit-mock-server',
    configureServer: (server) => mount(server.middlewares, server.httpServer, options),
    configurePreviewServer: (server) => mount(server.middlewares, server.httpServer, options),
  };
}
