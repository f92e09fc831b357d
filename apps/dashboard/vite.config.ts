import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv } from 'vite';
// The plugin module by path: the config is bundled without the `source` condition, and the
// workspace package exports TypeScript that Node cannot load from node_modules.
import { mockServerPlugin } from '../mock-server/src/vite';

// `pnpm dashboard` (dev) and `vite preview` serve the mock SSE server under /sse on the same
// origin. Set VITE_SSE_BASE_URL (e.g. http://127.0.0.1:3001) to talk to another server instead;
// the mock server is then not mounted.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_');
  const external = Boolean(env.VITE_SSE_BASE_URL ?? process.env.VITE_SSE_BASE_URL);
  return {
    // The workspace packages resolve to their sources, as `main` and Storybook do.
    resolve: { conditions: ['source', ...defaultClientConditions] },
    plugins: [react(), ...(external ? [] : [mockServerPlugin()])],
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
});
