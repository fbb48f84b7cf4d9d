// JavaScript an app downloads before emovox can work, measured the way a bundler ships it: each entry
// of package.json `exports` (and the worker) bundled and minified by esbuild from dist/, onnxruntime-web
// external (its JS and wasm are budgeted by onnxruntime-web), then gzipped. Only code loaded up front
// counts: the entry chunk and the chunks it imports statically; `import()`ed code (audio decoders for
// compressed formats, for example) loads on demand. Printed on every run.
import assert from 'node:assert/strict';
import { build, type Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './pack.ts';

const kb = 1024;
/** Gzipped bytes; the SDK and plugin limits are the issue's, the others measured values plus room. */
const budgets = { sdk: 40 * kb, components: 30 * kb, worker: 80 * kb, plugin: 5 * kb };
const ortExternal = ['onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-node'];

/** Gzipped size of `entry` and the chunks it imports statically. */
async function upFrontGzip(entry: string, { externalPackages = false } = {}): Promise<number> {
  const outdir = join(repoRoot, 'test/.generated/size-budget');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
    outdir,
    absWorkingDir: repoRoot,
    external: ortExternal,
    packages: externalPackages ? 'external' : undefined,
    loader: { '.onnx': 'file', '.json': 'file', '.wasm': 'file' },
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const first = Object.keys(outputs).find((key) => outputs[key]!.entryPoint !== undefined);
  assert.ok(first, `esbuild produced no entry chunk for ${entry}`);
  const upFront = new Set<string>();
  const queue = [first];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    if (upFront.has(key)) continue;
    upFront.add(key);
    for (const imported of outputs[key]!.imports) if (imported.kind === 'import-statement' && outputs[imported.path]) queue.push(imported.path);
  }
  return result.outputFiles
    .filter((file) => upFront.has(relative(repoRoot, file.path)))
    .reduce((sum, file) => sum + gzipSync(file.contents).length, 0);
}

function report(name: string, bytes: number, limit?: number): void {
  console.log(`size: ${name} ${(bytes / kb).toFixed(1)} KB gzip${limit ? ` (budget ${(limit / kb).toFixed(0)} KB)` : ''}`);
}

async function pluginModules(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, { default?: string }> };
  const target = pkg.exports['./plugins/*']?.default;
  if (!target) return [];
  const [dir, suffix] = target.replace(/^\.\//, '').split('*') as [string, string];
  const files = await readdir(join(repoRoot, dir)).catch(() => [] as string[]);
  return files.filter((file) => file.endsWith(suffix)).map((file) => join(repoRoot, dir, file));
}

describe('size budget (gzip, onnxruntime-web excluded)', () => {
  const dist = join(repoRoot, 'dist');
  const hint = 'dist/ is missing: run `npm run build` (npm test builds it first)';

  it(`SDK main-thread entry (emovox) <= ${budgets.sdk / kb} KB`, async () => {
    assert.ok(existsSync(join(dist, 'sdk/index.js')), hint);
    const bytes = await upFrontGzip(join(dist, 'sdk/index.js'));
    report('emovox (SDK, main thread)', bytes, budgets.sdk);
    assert.ok(bytes <= budgets.sdk, `emovox loads ${(bytes / kb).toFixed(1)} KB gzip up front`);
  });

  it(`components entry (emovox/components, lit included) <= ${budgets.components / kb} KB`, async () => {
    assert.ok(existsSync(join(dist, 'components/index.js')), hint);
    const bytes = await upFrontGzip(join(dist, 'components/index.js'));
    report('emovox/components (lit included)', bytes, budgets.components);
    assert.ok(bytes <= budgets.components, `emovox/components loads ${(bytes / kb).toFixed(1)} KB gzip up front`);
  });

  it(`worker bundle <= ${budgets.worker / kb} KB`, async () => {
    const worker = join(dist, 'sdk/worker/emotion.worker.js');
    assert.ok(existsSync(worker), hint);
    const bytes = await upFrontGzip(worker);
    report('worker (VAD, features, model glue)', bytes, budgets.worker);
    assert.ok(bytes <= budgets.worker, `the worker loads ${(bytes / kb).toFixed(1)} KB gzip up front`);
  });

  it(`each plugin (emovox/plugins/<name>) <= ${budgets.plugin / kb} KB, its dependencies external`, async () => {
    assert.ok(existsSync(dist), hint);
    for (const file of await pluginModules()) {
      const bytes = await upFrontGzip(file, { externalPackages: true });
      report(`plugin ${relative(dist, file)}`, bytes, budgets.plugin);
      assert.ok(bytes <= budgets.plugin, `${relative(dist, file)} is ${(bytes / kb).toFixed(1)} KB gzip`);
    }
  });
});
