// Storybook 10 for the Lit web components. Telemetry and update checks are off (they also try to
// reach the network, which CI does not have). Storybook serves its preview iframe itself, so pages
// are not cross-origin isolated here: the SDK must (and does) run single-threaded wasm without it.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const workletSource = fileURLToPath(new URL('../src/sdk/capture/capture.worklet.ts', import.meta.url));

/**
 * Vite copies the target of `new URL('./capture.worklet.ts', import.meta.url)` as a raw asset (inlined
 * as TypeScript in a data: URL), which `audioWorklet.addModule` cannot run. In the static build, emit
 * the worklet as its own compiled chunk instead (the package build does the same in scripts/build.mjs).
 */
const compiledWorklet: Plugin = {
  name: 'emovox-capture-worklet',
  apply: 'build',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('/capture/audio-capture.ts')) return null;
    const expression = /new URL\((['"])\.\/capture\.worklet\.ts\1, import\.meta\.url\)/;
    if (!expression.test(code)) this.error(`${id} no longer loads its worklet with new URL('./capture.worklet.ts', import.meta.url)`);
    const ref = this.emitFile({ type: 'chunk', id: workletSource, fileName: 'assets/capture.worklet.js' });
    return { code: code.replace(expression, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`), map: null };
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs) with tables from custom-elements.json, set in preview.ts.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Our workers are ES modules (`new Worker(new URL(...), { type: 'module' })`).
    return { ...viteConfig, worker: { ...viteConfig.worker, format: 'es' }, plugins: [...(viteConfig.plugins ?? []), compiledWorklet] };
  },
};

export default config;
