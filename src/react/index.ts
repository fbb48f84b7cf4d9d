/**
 * emovox for React 18 and 19: the web components wrapped with `@lit/react`, so objects are passed as
 * properties (`results`, `options`, `recognizerFactory`, `strings`...) and events are typed props
 * (`onEmotion`, `onSeek`...). Importing this module defines the custom elements.
 *
 * @example
 * import { EmotionListener, EmotionTimeline } from 'emovox/react';
 * <EmotionListener id="mic" onEmotion={(e) => setLast(e.detail)} />
 * <EmotionTimeline for="mic" onSeek={(e) => (audio.currentTime = e.detail.timeMs / 1000)} />
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  EmotionListener as EmotionListenerElement, EmotionMeter as EmotionMeterElement, EmotionSummary as EmotionSummaryElement,
  EmotionTimeline as EmotionTimelineElement, EmovoxSpectrogram as EmovoxSpectrogramElement, EmovoxWaveform as EmovoxWaveformElement,
  type EmotionListenerEventMap, type EmotionTimelineEventMap,
} from '../components/index.ts';

type Listener<K extends keyof EmotionListenerEventMap> = EventName<EmotionListenerEventMap[K]>;
type Timeline<K extends keyof EmotionTimelineEventMap> = EventName<EmotionTimelineEventMap[K]>;

/** `<emotion-listener>`; every `emovox-*` event is an `on*` prop whose `event.detail` is the SDK payload. */
export const EmotionListener = createComponent({
  react: React,
  tagName: EmotionListenerElement.tagName,
  elementClass: EmotionListenerElement,
  displayName: 'EmotionListener',
  events: {
    onReady: 'emovox-ready' as Listener<'emovox-ready'>,
    onStateChange: 'emovox-state' as Listener<'emovox-state'>,
    onSpeechStart: 'emovox-speech-start' as Listener<'emovox-speech-start'>,
    onEmotionUpdate: 'emovox-emotion-update' as Listener<'emovox-emotion-update'>,
    onEmotion: 'emovox-emotion' as Listener<'emovox-emotion'>,
    onSpeechEnd: 'emovox-speech-end' as Listener<'emovox-speech-end'>,
    onMisfire: 'emovox-misfire' as Listener<'emovox-misfire'>,
    onError: 'emovox-error' as Listener<'emovox-error'>,
  },
});

/** `<emotion-meter>`: set `result`. */
export const EmotionMeter = createComponent({
  react: React, tagName: EmotionMeterElement.tagName, elementClass: EmotionMeterElement, displayName: 'EmotionMeter',
});

/** `<emotion-timeline>`: set `results` (or `for`), handle `onSeek` and `onSelect`. */
export const EmotionTimeline = createComponent({
  react: React,
  tagName: EmotionTimelineElement.tagName,
  elementClass: EmotionTimelineElement,
  displayName: 'EmotionTimeline',
  events: {
    onSeek: 'emovox-seek' as Timeline<'emovox-seek'>,
    onSelect: 'emovox-select' as Timeline<'emovox-select'>,
  },
});

/** `<emotion-summary>`: set `results` (or `for`), handle `onSeek`. */
export const EmotionSummary = createComponent({
  react: React,
  tagName: EmotionSummaryElement.tagName,
  elementClass: EmotionSummaryElement,
  displayName: 'EmotionSummary',
  events: { onSeek: 'emovox-seek' as Timeline<'emovox-seek'> },
});

/** `<emovox-waveform>`: set `samples` and `sampleRate`. */
export const EmovoxWaveform = createComponent({
  react: React, tagName: EmovoxWaveformElement.tagName, elementClass: EmovoxWaveformElement, displayName: 'EmovoxWaveform',
});

/** `<emovox-spectrogram>`: set `data` and `bins`. */
export const EmovoxSpectrogram = createComponent({
  react: React, tagName: EmovoxSpectrogramElement.tagName, elementClass: EmovoxSpectrogramElement, displayName: 'EmovoxSpectrogram',
});
