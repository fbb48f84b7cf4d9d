// Smoke test of the built browser outputs in Chromium (scripts/test.mjs builds dist/ first):
// the self-contained dist/browser/emovox.js and the package build dist/sdk/index.js.
import { expect } from '@open-wc/testing';

const exists = async (path: string): Promise<boolean> => (await fetch(path, { method: 'HEAD' })).ok;

/** Exported classes that carry a custom element tag name. */
function elementClasses(module: Record<string, unknown>): Array<{ tagName: string }> {
  return Object.values(module).filter(
    (value): value is { tagName: string } =>
      typeof value === 'function' && typeof (value as { tagName?: unknown }).tagName === 'string' && value.prototype instanceof HTMLElement,
  );
}

describe('built browser outputs', () => {
  it('dist/browser/emovox.js exports the API and defines the components', async function () {
    if (!(await exists('/src/browser.ts'))) this.skip(); // no browser entry in the sources yet
    const path = '/dist/browser/emovox.js';
    const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
    expect(module.EmovoxError).to.be.a('function');
    const elements = elementClasses(module);
    expect(elements.length).to.be.greaterThan(0);
    for (const element of elements) expect(customElements.get(element.tagName), element.tagName).to.equal(element);
  });

  it('dist/browser/emovox.js finds its worker, wasm and default model next to itself', async function () {
    if (!(await exists('/src/browser.ts'))) this.skip();
    this.timeout(120_000);
    const path = '/dist/browser/emovox.js';
    const module = (await import(/* @vite-ignore */ path)) as typeof import('../../src/browser.ts');
    const result = await module.analyzeAudio('/test/.generated/one-phrase.wav');
    expect(result.utterances.length).to.equal(1);
    const [utterance] = result.utterances;
    expect(Object.keys(utterance.probabilities)).to.have.length(8);
    const sum = Object.values(utterance.probabilities).reduce((a, b) => a + b, 0);
    expect(sum).to.be.closeTo(1, 1e-5);
  });

  it('dist/sdk/index.js (the npm build) loads with its dependencies resolved', async () => {
    const path = '/dist/sdk/index.js';
    expect(await exists(path), 'dist/ is missing: run `npm run build`').to.equal(true);
    const module = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
    expect(module.EmovoxError).to.be.a('function');
  });
});
