// Importing emovox.js defines <emotion-listener> and friends; the SDK API comes from the same file.
import { EmotionRecognizer } from './vendor/emovox/emovox.js';

const listener = document.querySelector('emotion-listener');
const list = document.querySelector('#emotions');

// Two onnxruntime-web threads where the page is cross-origin isolated (COOP/COEP); elsewhere
// onnxruntime-web falls back to one thread by itself.
listener.recognizerFactory = (options) => EmotionRecognizer.create({ ...options, ortThreads: 2 });

listener.addEventListener('emovox-emotion', (event) => {
  const { label, confidence } = event.detail;
  const item = document.createElement('li');
  item.textContent = `${label} (${Math.round(confidence * 100)} %)`;
  list.append(item);
});
