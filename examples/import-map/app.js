// Bare package names, resolved by the page's import map: the same code a bundled app would write.
import 'emovox/components';
import { EmotionRecognizer } from 'emovox';

const listener = document.querySelector('emotion-listener');
const list = document.querySelector('#emotions');

listener.recognizerFactory = (options) => EmotionRecognizer.create({ ...options, interimIntervalMs: 0 });

listener.addEventListener('emovox-emotion', (event) => {
  const { label, valence, arousal } = event.detail;
  const item = document.createElement('li');
  item.textContent = `${label}: valence ${valence.toFixed(2)}, arousal ${arousal.toFixed(2)}`;
  list.append(item);
});
