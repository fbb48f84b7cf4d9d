// An app that imports `emovox` and is built by Vite (the README's recipe) must get every runtime
// file emitted: the worker with ORT inside, ORT's wasm, the Silero model and the default model's
// manifest and ONNX file. Vite, like webpack, only copies files named by a literal
// `new URL('./x', import.meta.url)`, so this guards the form the package build writes.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const app = join(root, 'test/.generated/vite-app');

test('a Vite app build emits the worker, ORT wasm, VAD model and the default model files', async () => {
  assert.ok(existsSync(join(root, 'dist/sdk/index.js')), 'dist/ is missing: run `npm run build` (npm test builds it first)');
  await rm(app, { recursive: true, force: true });
  await mkdir(join(app, 'node_modules'), { recursive: true });
  await symlink(root, join(app, 'node_modules/emovox'), 'dir');
  await writeFile(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  await writeFile(join(app, 'main.js'), "import { EmotionRecognizer } from 'emovox';\nwindow.startEmovox = () => EmotionRecognizer.create();\n");
  await build({
    root: app,
    logLevel: 'silent',
    configFile: false,
    optimizeDeps: { exclude: ['emovox', 'onnxruntime-web'] },
    worker: { format: 'es' },
    build: { target: 'es2022', outDir: join(app, 'dist') },
  });
  const files = await readdir(join(app, 'dist/assets'));
  for (const pattern of [/^emotion\.worker-.*\.js$/, /^ort-wasm-simd-threaded-.*\.wasm$/, /^silero_vad_v5-.*\.onnx$/, /^emovox-default-.*\.json$/, /^emovox-default-.*\.onnx$/]) {
    assert.ok(files.some((f) => pattern.test(f)), `${pattern} not emitted; got ${files.join(', ')}`);
  }
});
