// Smoke test of the built package (scripts/test.mjs builds dist/ first): every promised entry point
// loads through the package's own name, the declarations type-check for a NodeNext consumer, the
// `emovox` binary runs from dist/, and verify-dist finds nothing missing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { verifyDist } from '../../scripts/verify-dist.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const built = existsSync(`${root}dist/cli/main.js`);
const hint = 'dist/ is missing: run `npm run build` (npm test builds it first)';

async function pluginNames(): Promise<string[]> {
  const files = await readdir(`${root}src/plugins`).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.ts') && !/\.(test|d)\.ts$/.test(f)).map((f) => f.slice(0, -3));
}

describe('built package (dist/)', () => {
  it('has every export, bin target and referenced asset', async () => {
    assert.ok(built, hint);
    assert.deepEqual(await verifyDist(), []);
  });

  it('dist/browser/ imports nothing by bare name (a plain <script type="module"> page has no resolver)', async () => {
    assert.ok(built, hint);
    const dir = `${root}dist/browser/`;
    const files = [`${dir}emovox.js`, ...(await readdir(`${dir}assets`)).filter((f) => f.endsWith('.js')).map((f) => `${dir}assets/${f}`)];
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      const specifiers = [
        ...source.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?['"]([^'"]+)['"]/g),
        ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((m) => m[1]!);
      const bare = specifiers.filter((spec) => !/^(\.{1,2}\/|\/|data:|blob:|https?:)/.test(spec));
      assert.deepEqual(bare, [], file);
    }
  });

  it('loads emovox and its plugins by package name in Node', async () => {
    assert.ok(built, hint);
    const packageName = 'emovox'; // not a literal: type-checking must not need dist/
    const sdk = (await import(packageName)) as { EmovoxError: new (code: string, message: string) => Error & { code: string } };
    assert.equal(typeof sdk.EmovoxError, 'function');
    const error = new sdk.EmovoxError('INVALID_AUDIO', 'bad');
    assert.equal(error.code, 'INVALID_AUDIO');
    for (const name of await pluginNames()) {
      const plugin: Record<string, unknown> = await import(`emovox/plugins/${name}`);
      assert.ok(Object.keys(plugin).length > 0, `emovox/plugins/${name} exports nothing`);
    }
  });

  it('ships declarations a strict NodeNext consumer can compile against', async () => {
    assert.ok(built, hint);
    const dir = `${root}test/.generated/consumer`;
    await mkdir(dir, { recursive: true });
    const file = `${dir}/consumer.mts`;
    await writeFile(file, [
      "import { EmovoxError } from 'emovox';",
      "import type * as components from 'emovox/components';",
      "const error: EmovoxError = new EmovoxError('INVALID_AUDIO', 'x');",
      'export const code: string = error.code;',
      'export type Components = typeof components;',
      '',
    ].join('\n'));
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      experimentalDecorators: true,
    });
    const ours = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => !d.file || d.file.fileName.includes('/dist/') || d.file.fileName === file)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    assert.deepEqual(ours, []);
  });

  it('runs the emovox binary from dist/', async () => {
    assert.ok(built, hint);
    const { stdout } = await run(process.execPath, [`${root}bin/emovox.js`, '--help'], { cwd: root });
    assert.match(stdout, /usage: emovox <command>/);
    const wav = `${root}test/.generated/tone-440.wav`;
    const { stdout: json } = await run(process.execPath, [`${root}bin/emovox.js`, 'features', wav, '--json'], { cwd: root, maxBuffer: 64 << 20 });
    const result = JSON.parse(json) as { sampleRate: number; hopLength: number; nMfcc: number; mfcc: number[][] };
    assert.equal(result.sampleRate, 16000);
    assert.equal(result.mfcc.length, 1 + Math.floor(32000 / result.hopLength));
    assert.ok(result.mfcc.every((frame) => frame.length === result.nMfcc));
  });
});
