import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));

/** Copies the static page next to the bundle (an HTML plugin would do the same). */
class CopyPage {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('CopyPage', () => {
      mkdirSync(dist, { recursive: true });
      copyFileSync(fileURLToPath(new URL('./index.html', import.meta.url)), `${dist}index.html`);
    });
  }
}

export default {
  entry: './src/main.js',
  output: {
    path: dist,
    filename: 'main.js',
    // Asset URLs resolve against the script, so the app works from any sub-path.
    publicPath: 'auto',
    clean: true,
  },
  // webpack turns emovox's `new URL('./file', import.meta.url)` into emitted files; make sure the
  // model and wasm binaries are emitted as files rather than parsed.
  module: { rules: [{ test: /\.(onnx|wasm)$/, type: 'asset/resource' }] },
  performance: { hints: false },
  plugins: [new CopyPage()],
};
