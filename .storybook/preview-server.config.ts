// Serves the static Storybook build (`storybook build`) with the mock SSE server mounted, so
// every story stays live: `npx storybook build && npx vite preview --config .storybook/preview-server.config.ts`
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mockServerPlugin } from '../apps/mock-server/src/vite';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  build: { outDir: 'storybook-static' },
  preview: { host: '127.0.0.1', port: 6007, strictPort: true },
  plugins: [mockServerPlugin()],
});
