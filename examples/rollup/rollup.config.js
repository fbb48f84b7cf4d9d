// Rollup bundles the app and emovox's main-thread code. It does not follow
// `new URL('./file', import.meta.url)` by itself, so the runtime files (worker, worklet, ORT wasm,
// VAD and emotion models) are copied from emovox's dist/browser and found through `assetBaseUrl`.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const emovoxDist = dirname(dirname(createRequire(import.meta.url).resolve('emovox')));

/** Copies files and folders into the output directory once the bundle is written, in order. */
function copy(targets) {
  return {
    name: 'copy',
    async writeBundle({ dir }) {
      for (const [from, to] of targets) await cp(from, join(dir, to), { recursive: true });
    },
  };
}

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es', entryFileNames: 'main.js' },
  plugins: [
    nodeResolve({ browser: true }),
    commonjs(),
    copy([
      [join(emovoxDist, 'browser/assets'), 'emovox'],
      [join(emovoxDist, 'browser/models'), 'emovox/models'],
      ['index.html', 'index.html'],
    ]),
  ],
};
