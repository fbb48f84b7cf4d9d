// Storybook 10 for the Lit web components. Telemetry and update checks are off (they also try to
// reach the network, which CI does not have). Storybook serves its preview iframe itself, so pages
// are not cross-origin isolated here: the SDK must (and does) run single-threaded wasm without it.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs) with tables from custom-elements.json, set in preview.ts.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Our workers are ES modules (`new Worker(new URL(...), { type: 'module' })`).
    return { ...viteConfig, worker: { ...viteConfig.worker, format: 'es' } };
  },
};

export default config;
