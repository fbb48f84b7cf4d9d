import { defineEmovoxElements, type EmotionListener, type EmovoxWaveform } from '../src/components/index.ts';
import { runFrontEnd } from './front-end.ts';
import { audioFacts, configFacts, fillFacts, timingFacts } from './report.ts';
import { syntheticVoiceWav } from './sample-audio.ts';
import { setUpAssistantPanel } from './assistant-panel.ts';
import { setUpLivePanel } from './live.ts';
import { analyzeUtterances } from './utterances.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const status = byId<HTMLParagraphElement>('file-status');
const report = byId<HTMLDivElement>('file-report');

function setStatus(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

async function analyseFile(name: string, bytes: Uint8Array): Promise<void> {
  setStatus(`Analysing ${name}…`);
  // Let the status paint before the main thread is busy with the features.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  try {
    const run = await runFrontEnd(bytes);
    const { features, config, samples } = run;
    fillFacts(byId('audio-facts'), audioFacts(name, bytes.length, run));
    fillFacts(byId('timing-facts'), timingFacts(run));
    fillFacts(byId('config-facts'), configFacts(run));
    const frameRate = config.sampleRate / config.hopLength;
    Object.assign(byId('waveform'), { samples, sampleRate: config.sampleRate });
    Object.assign(byId('mfcc'), { data: features.mfcc, bins: config.nMfcc, frameRate });
    Object.assign(byId('logmel'), { data: features.logMel, bins: config.nMels, frameRate });
    Object.assign(byId('delta'), { data: features.mfccDelta, bins: config.nMfcc, frameRate });
    Object.assign(byId('contrast'), { data: features.contrast, bins: 7, frameRate });
    Object.assign(byId('chroma'), { data: features.chroma, bins: 12, frameRate });
    report.hidden = false;
    setStatus(`${name}: ${(samples.length / config.sampleRate).toFixed(2)} s analysed.`);
    byId<EmovoxWaveform>('waveform').regions = [];
    await analyzeUtterances(name, samples, config.sampleRate, modelUrl);
  } catch (error) {
    const code = (error as { code?: string }).code;
    setStatus(`${name}: ${code ? `${code}: ` : ''}${(error as Error).message}`, true);
  }
}

async function analyseBlob(file: File): Promise<void> {
  await analyseFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

const dropZone = byId<HTMLDivElement>('drop-zone');
for (const type of ['dragenter', 'dragover'] as const) {
  document.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.classList.add('over');
  });
}
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropZone.classList.remove('over');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file) void analyseBlob(file);
});
byId<HTMLInputElement>('file-input').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void analyseBlob(file);
});
byId<HTMLButtonElement>('sample-button').addEventListener('click', () => {
  void analyseFile('generated-sample.wav', syntheticVoiceWav());
});

const params = new URLSearchParams(location.search);
// `?model=<manifest URL>` tries another emotion model (both the live panel and file analysis use it).
const modelUrl = params.get('model') ?? undefined;
defineEmovoxElements();
const listener = byId<EmotionListener>('listener');
if (modelUrl) listener.model = modelUrl;
setUpLivePanel(listener, byId('event-log'));
setUpAssistantPanel(listener, byId('assistant-calls'), byId('assistant-line'));

// `?sample` analyses the generated sample on load (used for screenshots and smoke tests).
if (params.has('sample')) {
  void analyseFile('generated-sample.wav', syntheticVoiceWav());
}
