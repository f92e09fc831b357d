import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { createMiddleware } from './middleware';
import type { MockServerOptions } from './mock-server';

/**
 * Loads the router through Vite's module runner with the `source` condition: config files are
 * bundled (Vite) or evaluated (Storybook) without that condition, and the workspace packages the
 * router uses may not be built yet.
 */
async function loadRouter(): Promise<typeof import('./router')> {
  // Installed from npm, the built router sits beside this file.
  if (!import.meta.url.endsWith('.ts')) {
    return import(/* @vite-ignore */ new URL('./router.mjs', import.meta.url).href);
  }
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport<typeof import('./router')>(
    fileURLToPath(new URL('./router.ts', import.meta.url)),
    {
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'silent',
      environments: { inline: { resolve: { conditions: ['source'], noExternal: [/^@ssekit\//] } } },
    },
  );
  return module;
}

function mount(
  middlewares: Connect.Server,
  httpServer: { once(event: 'close', listener: () => void): unknown } | null,
  options: MockServerOptions,
): void {
  const router = loadRouter();
  router.catch(() => {}); // reported to the request that needs it
  const mock = createMiddleware(async (stats) => (await router).createRouter(options, stats));
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
