// What `npm pack` puts in front of users: exactly the runtime files (no tests, training code, stories,
// fixtures or build stamps), every `exports` entry with its types, source maps that resolve, and a
// size budget so the tarball does not grow by accident. Sizes are printed on every run.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extractTarball, packTarball, type PackedTarball } from './pack.ts';

/**
 * A little room over what 0.1.0 measured on 2026-12-02 (22.1 MB packed, 39.7 MB unpacked). Most of it
 * is onnxruntime-web's wasm (14.2 MB) and the Opus decoder chunk with its source map (9.7 MB) in dist/browser.
 */
const budget = { packedBytes: 23.5e6, unpackedBytes: 42e6 };

const forbidden: ReadonlyArray<[RegExp, string]> = [
  [/(^|\/)(test|tests|__tests__|fixtures|stories|training|\.storybook|examples|bench)\//, 'test, fixture, story, training, example or bench folder'],
  [/\.(test|spec|stories)\.[cm]?[jt]sx?$/, 'test or story module'],
  [/(^|\/)src\//, 'TypeScript sources (dist/ holds the code and its .d.ts)'],
  [/\.py$/, 'training Python'],
  [/(^|\/)\.build-inputs$/, 'build stamp'],
  [/(^|\/)(\.npmrc|\.gitignore|tsconfig[^/]*\.json|rollup\.config\.mjs|web-test-runner\.config\.mjs)$/, 'repository configuration'],
];

interface PackageJson {
  exports: Record<string, string | Record<string, string>>;
  types?: string;
  bin?: Record<string, string>;
  sideEffects?: string[] | boolean;
}

const strip = (path: string): string => path.replace(/^\.\//, '');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

/** `*` in an exports target, as a RegExp over packed paths that captures the stem (no `/`). */
function patternOf(target: string): RegExp {
  const [head, tail] = strip(target).split('*') as [string, string];
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(head)}([^/]+)${escape(tail)}$`);
}

describe('the npm tarball', () => {
  let packed: PackedTarball;
  let paths: Set<string>;
  let pkg: PackageJson;
  let unpacked: string;

  before(async () => {
    packed = await packTarball();
    unpacked = await extractTarball(packed);
    paths = new Set(packed.files.map((file) => file.path));
    pkg = JSON.parse(await readFile(join(unpacked, 'package.json'), 'utf8')) as PackageJson;
    console.log(`tarball: ${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked, ${packed.files.length} files`);
  });

  after(() => rm(join(unpacked, '..'), { recursive: true, force: true }));

  it('stays within its size budget', () => {
    assert.ok(packed.size <= budget.packedBytes, `packed ${mb(packed.size)} exceeds the budget of ${mb(budget.packedBytes)}`);
    assert.ok(packed.unpackedSize <= budget.unpackedBytes, `unpacked ${mb(packed.unpackedSize)} exceeds the budget of ${mb(budget.unpackedBytes)}`);
  });

  it('holds no tests, fixtures, stories, training code, sources or build stamps', () => {
    const unwanted = [...paths].flatMap((path) => forbidden.filter(([pattern]) => pattern.test(path)).map(([, why]) => `${path} (${why})`));
    assert.deepEqual(unwanted, []);
  });

  it('ships onnxruntime-web\'s wasm once (dist/browser needs its own copy; the npm build uses the dependency\'s)', () => {
    const wasm = [...paths].filter((path) => /(^|\/)ort-wasm[^/]*\.wasm$/.test(path));
    assert.ok(wasm.length <= 1, `onnxruntime-web wasm shipped ${wasm.length} times: ${wasm.join(', ')}`);
  });

  it('ships every exports entry with its types, the top-level types and the bin', () => {
    const missing: string[] = [];
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (key === './package.json') continue;
      if (typeof value === 'string' || !value.types || !(value.default ?? value.import)) {
        missing.push(`exports["${key}"] has no { types, default } pair`);
        continue;
      }
      const code = value.default ?? value.import!;
      if (!key.includes('*')) {
        for (const target of [code, value.types]) if (!paths.has(strip(target))) missing.push(`${target} (exports["${key}"])`);
        continue;
      }
      // A pattern entry: every module it matches in the tarball needs its declarations.
      const stems = [...paths].map((path) => patternOf(code).exec(path)?.[1]).filter((stem): stem is string => stem !== undefined);
      for (const stem of stems) {
        const types = strip(value.types.replace('*', stem));
        if (!paths.has(types)) missing.push(`${types} (types of exports["${key.replace('*', stem)}"])`);
      }
    }
    if (pkg.types && !paths.has(strip(pkg.types))) missing.push(`${pkg.types} (types)`);
    for (const [name, target] of Object.entries(pkg.bin ?? {})) if (!paths.has(strip(target))) missing.push(`${target} (bin ${name})`);
    assert.deepEqual(missing, []);
  });

  it('names in sideEffects only patterns that match packed files or the sources', () => {
    const patterns = Array.isArray(pkg.sideEffects) ? pkg.sideEffects : [];
    const toRegExp = (glob: string) =>
      new RegExp(`^${strip(glob).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
    const unmatched = patterns.filter((glob) => !glob.startsWith('./src/') && ![...paths].some((path) => toRegExp(glob).test(path)));
    assert.deepEqual(unmatched, []);
  });

  it('has source maps whose sources are either embedded or shipped', async () => {
    const broken: string[] = [];
    for (const path of paths) {
      if (path.endsWith('.js')) {
        const code = await readFile(join(unpacked, path), 'utf8');
        const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
        if (mapUrl && !mapUrl.startsWith('data:') && !paths.has(posix.join(posix.dirname(path), mapUrl))) broken.push(`${path} points at missing ${mapUrl}`);
      }
      if (!path.endsWith('.map')) continue;
      const map = JSON.parse(await readFile(join(unpacked, path), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
      map.sources.forEach((source, index) => {
        const embedded = typeof map.sourcesContent?.[index] === 'string';
        if (!embedded && !paths.has(posix.join(posix.dirname(path), source))) broken.push(`${path}: ${source} is neither embedded nor shipped`);
      });
    }
    assert.deepEqual(broken, []);
  });
});
