import type { CorpusKind } from './file-name-schemes.ts';

/**
 * The labels each corpus can teach. Training masks its loss to a clip's corpus label set, so a
 * model never learns "sounds like corpus X → a label X lacks"; leave-one-corpus-out scores UAR over
 * the held-out corpus's set. BAVED's set is arousal levels, not categories.
 */
export const corpusLabelSets: Readonly<Record<CorpusKind, readonly string[]>> = Object.freeze({
  ravdess: ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
  nemo: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'surprised'],
  cremad: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted'],
  emodb: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'boredom'],
  tess: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
  savee: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
  ased: ['neutral', 'happy', 'sad', 'angry', 'fearful'],
  emospeech: ['calm', 'happy', 'angry', 'fearful'],
  koreantts: ['neutral', 'happy', 'sad', 'angry'],
  baved: ['arousal-low', 'arousal-neutral', 'arousal-high'],
  banglaser: ['fearful', 'disgusted'],
});

/** Corpora whose labels are arousal levels rather than emotion categories. */
export const arousalOnlyCorpora: readonly CorpusKind[] = ['baved'];
