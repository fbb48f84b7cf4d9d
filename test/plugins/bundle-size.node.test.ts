import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { rollup } from 'rollup';
import esbuild, { minify } from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const adapters = ['elevenlabs', 'openai-realtime', 'pipecat', 'livekit', 'vapi', 'hume', 'gemini-live', 'generic', 'speech-synthesis'];
/** A string only each adapter's own code contains. */
const markers: Record<string, string> = {
  elevenlabs: 'sendContextualUpdate', 'openai-realtime': 'conversation.item.create', pipecat: 'sendClientMessage',
  livekit: 'setAttributes', vapi: 'add-message', hume: 'sendSessionSettings', 'gemini-live': 'sendClientContent',
};
const isBare = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** Bundles `input` as an app would (clients external), minified; returns the code and its imports. */
async function bundle(input: string): Promise<{ code: string; imports: string[] }> {
  const build = await rollup({
    input,
    external: isBare,
    plugins: [esbuild({ target: 'es2022', tsconfig: join(root, 'tsconfig.json') }), minify({ target: 'es2022' })],
    onwarn: () => undefined,
  });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  return { code: output[0].code, imports: output[0].imports };
}

describe('plugin bundles', () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('an app importing one adapter bundles neither the other adapters nor any client', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emovox-plugin-app-'));
    dirs.push(dir);
    const app = join(dir, 'app.ts');
    const entry = join(root, 'src/plugins/elevenlabs.ts').split('\\').join('/');
    await writeFile(app, `import { attachElevenLabs } from '${entry}';\nexport const start = (s: never, c: never) => attachElevenLabs(s, c);\n`);
    const { code, imports } = await bundle(app);
    assert.deepEqual(imports, [], 'the ElevenLabs adapter only uses the conversation it is given');
    assert.ok(code.includes(markers.elevenlabs));
    for (const [name, marker] of Object.entries(markers)) if (name !== 'elevenlabs') assert.ok(!code.includes(marker), `${name} leaked into the app`);
  });

  it('each adapter entry is at most 5 KB gzip without its client', async () => {
    const sizes: string[] = [];
    for (const name of adapters) {
      const { code, imports } = await bundle(join(root, `src/plugins/${name}.ts`));
      const gzip = gzipSync(code).length;
      sizes.push(`${name} ${(gzip / 1024).toFixed(2)} KB gzip (${code.length} B min), imports: ${imports.join(', ') || 'none'}`);
      assert.ok(gzip <= 5 * 1024, `${name}: ${gzip} B gzip`);
    }
    console.log(`plugin entry sizes (rollup + esbuild minify, clients external):\n  ${sizes.join('\n  ')}`);
  });
});
