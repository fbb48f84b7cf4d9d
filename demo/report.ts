import type { FrontEndRun } from './front-end.ts';

type Facts = readonly (readonly [string, string])[];

/** Replaces the contents of a `<dl>` with term/description pairs. */
export function fillFacts(list: HTMLElement, facts: Facts): void {
  list.replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function audioFacts(name: string, bytes: number, run: FrontEndRun): Facts {
  const { decoded, samples, config } = run;
  return [
    ['File', name],
    ['Size', `${(bytes / 1024).toFixed(1)} KiB`],
    ['Decoder', run.decoder],
    ['Source', `${decoded.sampleRate} Hz, ${decoded.channels.length} channel${decoded.channels.length === 1 ? '' : 's'}`],
    ['Duration', `${(samples.length / config.sampleRate).toFixed(2)} s`],
    ['Frames', `${run.features.nFrames}`],
  ];
}

export function timingFacts(run: FrontEndRun): Facts {
  const { timing, samples, config } = run;
  const audioMs = (samples.length / config.sampleRate) * 1000;
  const total = timing.decode + timing.prepare + timing.features;
  return [
    ['Decode', ms(timing.decode)],
    ['Downmix + resample', ms(timing.prepare)],
    ['All frame features', ms(timing.features)],
    ['Total', ms(total)],
    ['Real-time factor', `${(total / audioMs).toFixed(4)} (${Math.round(audioMs / Math.max(total, 0.001))}× faster than real time)`],
  ];
}

export function configFacts(run: FrontEndRun): Facts {
  const c = run.config;
  return [
    ['Sample rate', `${c.sampleRate} Hz`],
    ['FFT / window', `${c.nFft} / ${c.winLength} samples (Hann)`],
    ['Hop', `${c.hopLength} samples (${((c.hopLength / c.sampleRate) * 1000).toFixed(0)} ms)`],
    ['Mel bands', `${c.nMels} (Slaney, ${c.fMin}–${c.fMax} Hz)`],
    ['MFCC', `${c.nMfcc} coefficients, deltas ±${c.deltaN} frames`],
  ];
}
