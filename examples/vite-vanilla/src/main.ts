import 'emovox/components';
import { EmotionRecognizer, type EmotionResult } from 'emovox';

const listener = document.querySelector('emotion-listener')!;
const list = document.querySelector<HTMLOListElement>('#emotions')!;

listener.recognizerFactory = (options) => EmotionRecognizer.create({ ...options, smoothing: 'hysteresis' });

function show({ label, confidence }: EmotionResult): void {
  const item = document.createElement('li');
  item.textContent = `${label} (${Math.round(confidence * 100)} %)`;
  list.append(item);
}

// `emovox-emotion` is declared in HTMLElementEventMap, so `event.detail` is an EmotionResult.
listener.addEventListener('emovox-emotion', (event) => show(event.detail));
