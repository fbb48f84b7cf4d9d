import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the build works from / and from any sub-path.
  base: './',
  // Pre-bundling would move emovox away from the files its `import.meta.url` points at.
  optimizeDeps: { exclude: ['emovox', 'onnxruntime-web'] },
  // emovox's worker is an ES module with its own imports.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Vite inlines files under 4 KB as data: URLs, emovox's AudioWorklet among them; a strict CSP
    // (script-src 'self') refuses a data: worklet, so keep scripts as files.
    assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined),
  },
});
