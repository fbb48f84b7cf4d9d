// Compiles consumer.mts.txt, a small app written against emovox's public types, with the TypeScript
// compiler against the built declarations (dist/, through package.json `exports`), for both module
// resolutions consumers use. A breaking change to the event map, options, results, errors or the
// components' DOM events makes this fail.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const generated = join(root, 'test/.generated/types');

function compile(file: string, resolution: 'NodeNext' | 'Bundler'): string[] {
  const nodeNext = resolution === 'NodeNext';
  const program = ts.createProgram([file], {
    module: nodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: nodeNext ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    // Our declarations must compile as shipped; third-party ones are theirs.
    skipLibCheck: false,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || d.file.fileName === file || d.file.fileName.includes('/dist/'))
    .map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('published types', () => {
  it('a strict consumer compiles against the built .d.ts (NodeNext and Bundler resolution)', async () => {
    assert.ok(existsSync(join(root, 'dist/sdk/index.d.ts')), 'dist/ is missing: run `npm run build` (npm test builds it first)');
    await mkdir(generated, { recursive: true });
    const file = join(generated, 'consumer.mts');
    await copyFile(join(root, 'test/types/consumer.mts.txt'), file);
    assert.deepEqual(compile(file, 'NodeNext'), []);
    assert.deepEqual(compile(file, 'Bundler'), []);
  });
});
