import { build } from 'esbuild';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Row, Section } from './lib/report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const gzipBytes = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

/** Minified, gzipped size of `entry` (a file, or `{ contents }` importing from the repo root) bundled for browsers; `external` packages are not counted. */
async function bundledGzip(entry: string | { contents: string }, external: string[] = []): Promise<number> {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [join(root, entry)] } : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external,
    // The worker, worklet and models are separate files; count them apart.
    loader: { '.onnx': 'empty', '.json': 'json', '.wasm': 'empty' },
    logLevel: 'silent',
  });
  return gzipBytes(result.outputFiles[0].contents);
}

async function gzipOfFile(path: string): Promise<number> {
  return gzipBytes(await readFile(path));
}

/**
 * What an app ships: the page-side SDK (what `import { EmotionRecognizer } from 'emovox'` pulls
 * into an app bundle), the worker with ORT's JS, each plugin without the SDK, the ORT wasm and models.
 */
export async function benchSizes(firstLoadBytes?: number): Promise<Section> {
  // What an app importing only the recognizer pays (tree-shaken), and the whole public index.
  const sdkGzipBytes = await bundledGzip({ contents: "export { EmotionRecognizer } from './src/sdk/index.ts';" });
  const sdkFullGzipBytes = await bundledGzip('src/sdk/index.ts');
  const assets = join(root, 'dist/browser/assets');
  const workerFiles = (await readdir(assets)).filter((name) => /^(emotion\.worker|compute-|ort-).*\.js$/.test(name));
  let workerGzipBytes = 0;
  for (const name of workerFiles) workerGzipBytes += await gzipOfFile(join(assets, name));
  const wasm = join(assets, 'ort-wasm-simd-threaded.wasm');
  const plugins: Record<string, number> = {};
  const pluginDir = join(root, 'src/plugins');
  for (const name of await readdir(pluginDir).catch(() => [] as string[])) {
    if (!/\.ts$/.test(name) || /\.(test|d)\.ts$/.test(name)) continue;
    plugins[name.replace(/\.ts$/, '')] = await bundledGzip(`src/plugins/${name}`, ['emovox', '../sdk/*', '@*', 'ws', 'livekit-client']);
  }
  const models: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const name of (await readdir(join(root, 'models'))).filter((n) => n.endsWith('.onnx'))) {
    const bytes = await readFile(join(root, 'models', name));
    models[name] = { bytes: bytes.length, gzipBytes: gzipBytes(bytes) };
  }
  const vad = await readFile(join(root, 'src/sdk/vendor/silero_vad_v5.onnx'));
  const figures = {
    sdkGzipBytes,
    sdkFullGzipBytes,
    workerGzipBytes,
    ortWasmBytes: (await stat(wasm)).size,
    ortWasmGzipBytes: await gzipOfFile(wasm),
    sileroV5Bytes: vad.length,
    plugins,
    models,
    ...(firstLoadBytes === undefined ? {} : { firstLoadBytes }),
  };
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const rows: Row[] = [
    { label: 'SDK JS on the page, EmotionRecognizer only (min + gzip)', value: kb(sdkGzipBytes), unit: 'KB' },
    { label: 'SDK JS, whole public index with the FLAC/Opus/MP3 decoders it loads on first use (min + gzip)', value: kb(sdkFullGzipBytes), unit: 'KB' },
    { label: 'worker JS incl. ORT glue (min + gzip)', value: kb(workerGzipBytes), unit: 'KB' },
    { label: 'ORT wasm (raw / gzip)', value: `${kb(figures.ortWasmBytes)} / ${kb(figures.ortWasmGzipBytes)}`, unit: 'KB' },
    { label: 'Silero VAD v5 model', value: kb(vad.length), unit: 'KB' },
    ...Object.entries(models).map(([name, size]) => ({ label: `model ${name} (raw / gzip)`, value: `${kb(size.bytes)} / ${kb(size.gzipBytes)}`, unit: 'KB' })),
    ...Object.entries(plugins).map(([name, bytes]) => ({ label: `plugin ${name} (min + gzip, SDK excluded)`, value: kb(bytes), unit: 'KB' })),
  ];
  if (firstLoadBytes !== undefined) rows.push({ label: 'total bytes of a first create() (measured, uncompressed server)', value: kb(firstLoadBytes), unit: 'KB' });
  return { title: 'Sizes', figures, rows };
}
