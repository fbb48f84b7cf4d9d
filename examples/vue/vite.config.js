import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // Vue must leave emovox's tags to the browser's custom element registry instead of resolving them
  // as Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('emotion-') } } })],
  optimizeDeps: { exclude: ['emovox', 'onnxruntime-web'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Vite inlines files under 4 KB as data: URLs, emovox's AudioWorklet among them; a strict CSP
    // (script-src 'self') refuses a data: worklet, so keep scripts as files.
    assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined),
  },
});
