import type { StorybookConfig } from '@storybook/react-vite';
// The plugin module itself (not the package index): it loads the server lazily with the `source`
// condition, so Storybook can evaluate this file before the workspace packages are built.
import { mockServerPlugin } from '../apps/mock-server/src/vite';

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)', '../packages/*/src/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = ['source', 'module', 'browser', 'development|production'];
    // Every story is live: the mock SSE scenarios are served same-origin under /sse, on the
    // dev server, on `vite preview` of the static build, and in the story test run.
    viteConfig.plugins ??= [];
    viteConfig.plugins.push(mockServerPlugin());
    return viteConfig;
  },
};

export default config;
