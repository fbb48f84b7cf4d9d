import 'emovox/components';
import { EmotionRecognizer } from 'emovox';

const listener = document.querySelector('emotion-listener');
const list = document.querySelector('#emotions');

// The options already carry the element's asset-base-url.
listener.recognizerFactory = (options) => EmotionRecognizer.create({ ...options, interimIntervalMs: 250 });

listener.addEventListener('emovox-emotion', (event) => {
  const { label, confidence } = event.detail;
  const item = document.createElement('li');
  item.textContent = `${label} (${Math.round(confidence * 100)} %)`;
  list.append(item);
});
