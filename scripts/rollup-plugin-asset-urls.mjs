// Rollup plugin for `new URL('./relative/file', import.meta.url)` in our own sources.
// A `.ts`/`.js` target is a module worker: it is emitted as its own ES chunk. Anything else
// (.onnx, .json, .wasm, worklet .js under vendor/) is emitted as an asset. The expression is written
// back as `new URL('./relative/output', import.meta.url)`, relative to the output chunk.
import MagicString from 'magic-string';
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';

const workerExtensions = /\.(ts|mts)$/;

/** Yields every node of an ESTree AST (Rollup's `this.parse` output). */
function* walk(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) yield* walk(child);
    else if (value && typeof value.type === 'string') yield* walk(value);
  }
}

function isImportMetaUrl(node) {
  return (
    node?.type === 'MemberExpression' &&
    node.object.type === 'MetaProperty' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'url'
  );
}

/** `new URL('./x', import.meta.url)` with a relative string literal as first argument. */
function relativeUrlOf(node) {
  if (node.type !== 'NewExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'URL') return undefined;
  const [target, base] = node.arguments;
  if (target?.type !== 'Literal' || typeof target.value !== 'string' || !isImportMetaUrl(base)) return undefined;
  return /^\.\.?\//.test(target.value) ? target.value : undefined;
}

/**
 * @param {object} options
 * @param {(file: string) => string} options.assetFileName output path (relative to the output dir) of an asset file
 * @param {(file: string) => string | undefined} [options.chunkFileName] fixed output path of a worker/worklet chunk
 *   (default: Rollup's naming, which mirrors the source path under preserveModules)
 * @param {(file: string) => boolean} [options.include] which importers to rewrite (default: not under node_modules)
 */
export function assetUrls({ assetFileName, chunkFileName = () => undefined, include = (id) => !id.split(sep).includes('node_modules') }) {
  const emittedAssets = new Map();
  return {
    name: 'emovox-asset-urls',
    buildStart() {
      emittedAssets.clear();
    },
    // Emit the plain `new URL('./file', import.meta.url)` form (a URL object, like the source
    // expression) so that bundlers of apps using the package (Vite, webpack) recognise it again.
    resolveFileUrl({ relativePath, format }) {
      if (format !== 'es') return null;
      const path = /^\.\.?\//.test(relativePath) ? relativePath : `./${relativePath}`;
      return `new URL(${JSON.stringify(path)}, import.meta.url)`;
    },
    async transform(code, id) {
      if (id.startsWith('\0') || !include(id) || !code.includes('import.meta.url')) return null;
      const ast = this.parse(code);
      const magic = new MagicString(code);
      for (const node of walk(ast)) {
        const target = relativeUrlOf(node);
        if (!target) continue;
        const file = resolve(dirname(id), target);
        let ref;
        if (workerExtensions.test(file)) {
          const fileName = chunkFileName(file);
          ref = this.emitFile({ type: 'chunk', id: file, ...(fileName ? { fileName } : {}) });
        } else {
          ref = emittedAssets.get(file);
          if (!ref) {
            let source;
            try {
              source = await readFile(file);
            } catch {
              this.error(`new URL('${target}', import.meta.url) points at a missing file ${relative(process.cwd(), file)}`);
            }
            ref = this.emitFile({ type: 'asset', fileName: assetFileName(file), source });
            emittedAssets.set(file, ref);
          }
          this.addWatchFile(file);
        }
        magic.overwrite(node.start, node.end, `import.meta.ROLLUP_FILE_URL_${ref}`);
      }
      if (!magic.hasChanged()) return null;
      return { code: magic.toString(), map: magic.generateMap({ hires: true, source: id }) };
    },
  };
}

/**
 * Copies onnxruntime-web's wasm binary next to the chunk that holds ORT, under the fixed name ORT
 * asks for (`new URL('ort-wasm-simd-threaded.wasm', import.meta.url)` inside its own code).
 */
export function ortWasmBesideChunk({ wasmFile, name = 'ort-wasm-simd-threaded.wasm' }) {
  return {
    name: 'emovox-ort-wasm',
    async generateBundle(_options, bundle) {
      const ortChunks = Object.values(bundle).filter(
        (item) => item.type === 'chunk' && Object.keys(item.modules).some((m) => m.includes(`${sep}onnxruntime-web${sep}`)),
      );
      const dirs = new Set(ortChunks.map((chunk) => dirname(chunk.fileName)));
      const source = dirs.size > 0 ? await readFile(wasmFile) : undefined;
      for (const dir of dirs) {
        const fileName = dir === '.' ? name : `${dir}/${name}`;
        if (!bundle[fileName]) this.emitFile({ type: 'asset', fileName, source });
      }
    },
  };
}
