// custom-elements.json (generated from TSDoc by scripts/custom-elements.mjs) is committed: it must be
// current, list every element the components define, and be what package.json names and ships.
import assert from 'node:assert/strict';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { referenceMarkdown } from '../../scripts/components-reference.mjs';
import { generateManifest } from '../../scripts/custom-elements.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Declaration {
  kind: string; name: string; tagName?: string; customElement?: boolean; description?: string;
  attributes?: { name: string }[]; members?: { name: string; kind: string }[]; events?: { name: string }[];
  cssParts?: { name: string }[]; cssProperties?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string } }[] }[];
}

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat().filter((f) => f.endsWith('.ts'));
}

/** Every `static readonly tagName = '...'` under src/components, with the events its file dispatches by literal name. */
async function definedElements(): Promise<Map<string, { file: string; events: string[] }>> {
  const found = new Map<string, { file: string; events: string[] }>();
  for (const file of await sources(join(root, 'src/components'))) {
    const text = await readFile(file, 'utf8');
    const tag = /static readonly tagName = '([^']+)'/.exec(text)?.[1];
    if (tag) found.set(tag, { file: relative(root, file), events: [...text.matchAll(/new CustomEvent\('([^']+)'/g)].map((m) => m[1]) });
  }
  return found;
}

describe('custom-elements.json', () => {
  let committed: Manifest;
  let fresh: string;

  before(async () => {
    const outdir = '.cache/custom-elements-test';
    fresh = await readFile(generateManifest(outdir), 'utf8');
    await rm(join(root, outdir), { recursive: true, force: true });
    committed = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  });

  it('is what the analyzer generates from the current sources (run `npm run manifest` if not)', async () => {
    assert.equal(await readFile(join(root, 'custom-elements.json'), 'utf8'), fresh);
  });

  it('lists every defined element with its description, attributes, events, parts and CSS properties', async () => {
    const declarations = committed.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
    const definitions = new Map(committed.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => [e.name, e.declaration.name] as const)));
    const elements = await definedElements();
    assert.ok(elements.size >= 6, `found only ${[...elements.keys()].join(', ')}`);
    assert.deepEqual([...definitions.keys()].sort(), [...elements.keys()].sort());
    for (const [tag, { file, events }] of elements) {
      const declaration = declarations.find((d) => d.tagName === tag);
      assert.ok(declaration, `${tag} has no declaration`);
      assert.equal(declaration.path, file);
      assert.equal(definitions.get(tag), declaration.name);
      assert.ok((declaration.description ?? '').length > 40, `${tag} has no TSDoc description`);
      assert.ok((declaration.cssParts ?? []).length > 0, `${tag} documents no parts`);
      assert.ok((declaration.cssProperties ?? []).length > 0, `${tag} documents no CSS properties`);
      const documented = new Set((declaration.events ?? []).map((e) => e.name));
      for (const event of events) assert.ok(documented.has(event), `${tag} dispatches ${event} but its TSDoc has no @fires for it`);
    }
    const timeline = declarations.find((d) => d.tagName === 'emotion-timeline')!;
    assert.deepEqual(timeline.attributes!.map((a) => a.name).sort(), ['duration-ms', 'for', 'label', 'selected-index', 'visible-seconds']);
    assert.ok(!timeline.members!.some((m) => m.name === 'hoverIndex' || m.name === 'setHover'), 'internal state leaked into the manifest');
    const listener = declarations.find((d) => d.tagName === 'emotion-listener')!;
    assert.deepEqual((listener.events ?? []).map((e) => e.name).sort(), [
      'emovox-emotion', 'emovox-emotion-update', 'emovox-error', 'emovox-misfire', 'emovox-ready', 'emovox-speech-end', 'emovox-speech-start', 'emovox-state',
    ]);
  });

  it('is what the components README shows, element by element', async () => {
    const readme = await readFile(join(root, 'src/components/README.md'), 'utf8');
    assert.ok(readme.includes(referenceMarkdown(JSON.parse(fresh))), 'src/components/README.md reference is stale: run `npm run manifest`');
  });

  it('is named by package.json and shipped', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { customElements?: string; files?: string[] };
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files?.includes('custom-elements.json'));
  });
});
