// Storybook 10 for the Lit web components. Telemetry and update checks are off (they also try to
// reach the network, which CI does not have); the dev server sends the same cross-origin isolation
// headers as `npm start` and the tests, so workers and wasm behave the same.
import type { StorybookConfig } from '@storybook/web-components-vite';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      server: { ...viteConfig.server, headers: { ...viteConfig.server?.headers, ...isolation } },
      preview: { ...viteConfig.preview, headers: { ...viteConfig.preview?.headers, ...isolation } },
      worker: { ...viteConfig.worker, format: 'es' },
    };
  },
};

export default config;
