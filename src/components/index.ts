/**
 * emovox web components. Importing this module defines every element
 * (idempotently, so a second copy of emovox on the page is harmless).
 */
import { defineElement } from './define.ts';
import { EmotionListener } from './emotion-listener/emotion-listener.ts';
import { EmotionMeter } from './emotion-meter/emotion-meter.ts';
import { EmotionSummary } from './emotion-summary/emotion-summary.ts';
import { EmotionTimeline } from './emotion-timeline/emotion-timeline.ts';
import { EmovoxSpectrogram } from './spectrogram/spectrogram.ts';
import { EmovoxWaveform } from './waveform/waveform.ts';

export { EmotionListener, EmotionMeter, EmotionSummary, EmotionTimeline, EmovoxSpectrogram, EmovoxWaveform, defineElement };
export { defaultLabelColor, labelColor } from './emotion-meter/palette.ts';
export type { TaggedElement } from './define.ts';
export type { WaveformRegion } from './waveform/waveform.ts';
export type { EmotionListenerEventMap } from './emotion-listener/events.ts';
export type { EmotionTimelineEventMap, TimelineUtteranceDetail } from './emotion-timeline/events.ts';
export { defaultTimelineStrings, type TimelineStrings } from './emotion-timeline/timeline-strings.ts';
export { defaultSummaryStrings, type SummaryStrings } from './emotion-summary/summary-strings.ts';
export type { RecognizerFactory, RecognizerLike } from './shared/recognizer-port.ts';

/**
 * Defines every emovox element. Importing this module already does it; call it
 * explicitly where a bundler may drop side-effect-only imports.
 */
export function defineEmovoxElements(): void {
  for (const element of [EmotionListener, EmotionMeter, EmotionSummary, EmotionTimeline, EmovoxSpectrogram, EmovoxWaveform]) defineElement(element);
}

defineEmovoxElements();
