import { mockServerPlugin } from '@ssekit/mock-server/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The mock server's Vite plugin, installed from its tarball: type-checked and loaded by the
// build (it mounts /sse in `vite dev` and `vite preview`; the test drives the bin instead).
export default defineConfig({ plugins: [react(), mockServerPlugin()] });
