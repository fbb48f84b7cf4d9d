// Two outputs:
//  1. the npm package (dist/sdk, dist/components, dist/plugins, dist/cli): one file per source module,
//     every dependency external, assets (worker chunks, models, VAD files) emitted beside the modules;
//  2. dist/browser/emovox.js: one self-contained ES module for a plain <script type="module">, every
//     dependency bundled; beside it assets/ holds the worker and worklet (fixed names), shared chunks,
//     ORT in its own chunk (its pthread workers re-import it) with its wasm beside it, and the VAD files;
//     models/ holds our models.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { assetUrls, ortWasmBesideChunk } from './scripts/rollup-plugin-asset-urls.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const require = createRequire(import.meta.url);
const ortWasm = require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm');

const esbuildOptions = { target: 'es2022', tsconfig: join(root, 'tsconfig.json'), sourceMap: true };

/** Where an asset lands: files under src/ mirror their source path, everything else keeps its path from the repo root. */
function mirroredAssetPath(file) {
  const from = file.startsWith(src + sep) ? src : root;
  return relative(from, file).split(sep).join('/');
}

/** Emits every file of models/ into <out>/models/ (manifests name their ONNX file relatively). */
function copyModels() {
  return {
    name: 'emovox-copy-models',
    async generateBundle(_options, bundle) {
      const dir = join(root, 'models');
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        const fileName = `models/${name.name}`;
        if (!name.isFile() || bundle[fileName]) continue;
        this.emitFile({ type: 'asset', fileName, source: await readFile(join(dir, name.name)) });
      }
    },
  };
}

/** Entries that exist now; missing ones are reported (verify-dist fails on missing exports later). */
function existingEntries(entries) {
  const found = {};
  for (const [name, file] of Object.entries(entries)) {
    if (existsSync(join(root, file))) found[name] = join(root, file);
    else console.warn(`rollup: skipping entry ${name}: ${file} does not exist yet`);
  }
  return found;
}

function packageEntries() {
  const entries = {
    'sdk/index': 'src/sdk/index.ts',
    'sdk/node/index': 'src/sdk/node/index.ts',
    'components/index': 'src/components/index.ts',
    'react/index': 'src/react/index.ts',
    'cli/main': 'src/cli/main.ts',
  };
  const plugins = join(src, 'plugins');
  if (existsSync(plugins)) {
    for (const file of readdirSync(plugins)) {
      if (/\.ts$/.test(file) && !/\.(test|d)\.ts$/.test(file)) entries[`plugins/${basename(file, '.ts')}`] = `src/plugins/${file}`;
    }
  }
  return existingEntries(entries);
}

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);

/** The npm package build. */
export function packageConfig() {
  const input = packageEntries();
  if (Object.keys(input).length === 0) return [];
  return [
    {
      input,
      external: (id) => isBare(id),
      plugins: [esbuild(esbuildOptions), assetUrls({ assetFileName: mirroredAssetPath }), copyModels()],
      output: {
        dir: join(root, 'dist'),
        format: 'es',
        preserveModules: true,
        preserveModulesRoot: src,
        entryFileNames: '[name].js',
        sourcemap: true,
      },
      onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
        warn(warning);
      },
    },
  ];
}

/**
 * A self-contained browser bundle of `input` into `outDir` (used for dist/browser and by `npm start` for the demo).
 * @param {{ input: Record<string, string>, outDir: string, minified?: boolean }} options
 */
export function browserConfig({ input, outDir, minified = true }) {
  return {
    input,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'module', 'default'] }),
      commonjs(),
      esbuild(esbuildOptions),
      // Fixed names in assets/ so `assetBaseUrl` (src/sdk/assets.ts) can point at a copy of that folder.
      assetUrls({
        assetFileName: (file) => (file.startsWith(join(root, 'models') + sep) ? mirroredAssetPath(file) : `assets/${basename(file)}`),
        chunkFileName: (file) => `assets/${basename(file).replace(/\.m?ts$/, '')}.js`,
      }),
      ortWasmBesideChunk({ wasmFile: ortWasm }),
      copyModels(),
      ...(minified ? [minify({ target: 'es2022', sourceMap: true })] : []),
    ],
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'assets/[name]-[hash].js',
      sourcemap: true,
      // ORT starts its pthread workers from its own module URL: keep it free of app code.
      manualChunks: (id) => (id.includes(`${sep}node_modules${sep}onnxruntime-web${sep}`) ? 'ort' : undefined),
    },
    onwarn(warning, warn) {
      // ORT and vad-web use eval-free but `this`-at-top-level CommonJS wrappers; those warnings are noise.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'EVAL') return;
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
      warn(warning);
    },
  };
}

function browserBundleConfig() {
  const entry = join(src, 'browser.ts');
  if (!existsSync(entry)) {
    console.warn('rollup: skipping dist/browser/emovox.js: src/browser.ts does not exist yet');
    return [];
  }
  return [browserConfig({ input: { emovox: entry }, outDir: join(root, 'dist/browser') })];
}

export default () => [...packageConfig(), ...browserBundleConfig()];
