// `npm run build-storybook` keeps working: every stories file under stories/ ends up in the built
// index (a story that fails to compile or import breaks the Vite build, which fails this test).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function storyFiles(dir = `${root}stories`): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? storyFiles(`${dir}/${e.name}`) : Promise.resolve(e.name.endsWith('.stories.ts') ? [`${dir}/${e.name}`] : []))),
  );
  return nested.flat();
}

describe('Storybook', () => {
  it('builds every story without telemetry', async () => {
    const outDir = `${root}test/.generated/storybook-static`;
    await run(process.execPath, [`${root}node_modules/storybook/dist/bin/dispatcher.js`, 'build', '--disable-telemetry', '--quiet', '--output-dir', outDir], {
      cwd: root,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
      maxBuffer: 64 << 20,
    });
    const index = JSON.parse(await readFile(`${outDir}/index.json`, 'utf8')) as { entries: Record<string, { importPath: string }> };
    const built = new Set(Object.values(index.entries).map((entry) => entry.importPath.replace(/^\.\//, '')));
    for (const file of await storyFiles()) assert.ok(built.has(file.slice(root.length)), `${file.slice(root.length)} is not in the built Storybook`);
  });
});
