/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/index.ts';
import type { EmovoxSpectrogram, EmovoxWaveform } from '../../src/components/index.ts';
import { niceTicks } from '../../src/components/shared/axes.ts';
import { robustRange } from '../../src/components/shared/colormap.ts';

/** Counts canvas pixels whose colour matches a predicate. */
function countPixels(canvas: HTMLCanvasElement, match: (r: number, g: number, b: number, a: number) => boolean): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (match(data[i], data[i + 1], data[i + 2], data[i + 3])) n++;
  return n;
}

function tone(seconds: number, rate = 16000): Float32Array {
  const x = new Float32Array(seconds * rate);
  for (let i = 0; i < x.length; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / rate);
  return x;
}

describe('plot helpers', () => {
  it('picks 1-2-5 tick steps that cover the range', () => {
    expect(niceTicks(0, 2.5, 5)).to.deep.equal([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(-1, 1, 2)).to.deep.equal([-1, 0, 1]);
  });

  it('ignores the -100 dB padding floor when choosing a colour range', () => {
    const values = new Float32Array(1000).fill(-20);
    values.fill(-100, 0, 5);
    for (let i = 500; i < 1000; i++) values[i] = -20 + (i - 500) / 25;
    const [lo, hi] = robustRange(values);
    expect(lo).to.equal(-20);
    expect(hi).to.be.closeTo(-0.2, 0.05);
  });
});

describe('<emovox-waveform>', () => {
  it('draws the envelope in the waveform colour and labels the canvas', async () => {
    const el = await fixture<EmovoxWaveform>(html`<emovox-waveform label="Waveform" sample-rate="16000"
      style="width: 400px; --emovox-waveform-color: rgb(255, 0, 0)" .samples=${tone(2)}></emovox-waveform>`);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).to.equal('Waveform: waveform, 2.00 s at 16000 Hz');
    expect(countPixels(canvas, (r, g, b, a) => r > 200 && g < 40 && b < 40 && a > 200)).to.be.greaterThan(1000);
    await expect(el).to.be.accessible();
  });
});

describe('<emovox-waveform> regions', () => {
  it('shades each region in its colour over its time span only', async () => {
    const el = await fixture<EmovoxWaveform>(html`<emovox-waveform style="width: 448px"
      .samples=${new Float32Array(32000)} .regions=${[{ start: 0.5, end: 1, color: 'rgb(0, 200, 0)' }]}></emovox-waveform>`);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const ratio = canvas.width / 448;
    // Plot box: 40 px left margin, 400 px wide for 2 s; the region covers x = 140..240.
    const at = (x: number) => canvas.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(20 * ratio), 1, 1).data;
    expect(at(190)[1]).to.be.greaterThan(0);
    expect(at(190)[3]).to.be.greaterThan(0);
    expect(at(100)[3]).to.equal(0);
    expect(at(300)[3]).to.equal(0);
  });
});

describe('<emovox-spectrogram>', () => {
  it('draws a coloured image for a feature matrix', async () => {
    const bins = 20;
    const data = new Float32Array(300 * bins).map((_, i) => (i % bins) - (i / bins) / 30);
    const el = await fixture<EmovoxSpectrogram>(html`<emovox-spectrogram label="MFCC" bins=${bins}
      style="width: 500px" bin-label="coefficient" .data=${data}></emovox-spectrogram>`);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).to.equal('MFCC: 300 frames × 20 coefficients, 3.00 s');
    // Viridis ends: dark purple (68, 1, 84) and yellow (253, 231, 37) both appear.
    expect(countPixels(canvas, (r, g, b) => r < 90 && g < 30 && b > 60)).to.be.greaterThan(100);
    expect(countPixels(canvas, (r, g, b) => r > 220 && g > 200 && b < 80)).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
  });

  it('standardises rows so a dominant bin does not flatten the others', async () => {
    const bins = 2;
    // Bin 0 sits near -400 (like MFCC 0); bin 1 alternates between -1 and +1.
    const data = new Float32Array(200 * bins).map((_, i) => (i % 2 === 0 ? -400 + (i % 7) : ((i >> 1) % 2) * 2 - 1));
    const el = await fixture<EmovoxSpectrogram>(html`<emovox-spectrogram bins="2" standardize-rows
      style="width: 400px" .data=${data}></emovox-spectrogram>`);
    expect(el.standardizeRows).to.equal(true);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    // Bin 1 alternates between -1 σ and +1 σ: two mid-scale colours. Unstandardised, both would be
    // the top (yellow) colour, because bin 0 stretches the range down to -400.
    const ratio = canvas.width / 400;
    // Inside the plot box only (40 px left margin, 112 px for the colour bar on the right).
    const row = canvas.getContext('2d')!
      .getImageData(Math.round(45 * ratio), Math.round(canvas.height * 0.25), Math.round(240 * ratio), 1).data;
    const colours = new Set<string>();
    for (let i = 0; i < row.length; i += 4) colours.add(`${row[i]},${row[i + 1]},${row[i + 2]}`);
    expect(colours.size).to.equal(2);
    expect([...colours].some((c) => Number(c.split(',')[0]) > 200)).to.equal(false);
  });

  it('draws only axes without data', async () => {
    const el = await fixture<EmovoxSpectrogram>(html`<emovox-spectrogram style="width: 300px"></emovox-spectrogram>`);
    expect(el.frames).to.equal(0);
    expect(el.shadowRoot!.querySelector('canvas')!.getAttribute('aria-label')).to.equal('no data');
  });
});
