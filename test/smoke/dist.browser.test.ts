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

  it('dist/browser/emovox.js decodes FLAC with its decoder chunk, loaded on first use', async function () {
    if (!(await exists('/src/browser.ts'))) this.skip();
    this.timeout(60_000);
    const path = '/dist/browser/emovox.js';
    const module = (await import(/* @vite-ignore */ path)) as typeof import('../../src/browser.ts');
    const bytes = new Uint8Array(await (await fetch('/test/fixtures/audio/tone-440.flac')).arrayBuffer());
    const decoded = await module.decodeAudioBytes(bytes);
    expect(decoded.sampleRate).to.equal(16000);
    expect(decoded.channels.length).to.equal(1);
    expect(decoded.channels[0].length).to.equal(4000);
    // sox's synth is 0.5·sin(2π·440·n/16000) with its phase about 1° ahead, quantised to 16 bits and
    // dithered: every sample within 0.01 of the analytic sine, and the RMS within 0.5 % of 0.5/√2.
    const samples = decoded.channels[0];
    let worst = 0;
    let energy = 0;
    samples.forEach((x, n) => {
      worst = Math.max(worst, Math.abs(x - 0.5 * Math.sin((2 * Math.PI * 440 * n) / 16000)));
      energy += x * x;
    });
    expect(worst).to.be.below(0.01);
    expect(Math.abs(Math.sqrt(energy / samples.length) / (0.5 / Math.SQRT2) - 1)).to.be.below(0.005);
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
