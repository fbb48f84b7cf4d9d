import 'emovox/components';
import { EmotionRecognizer } from 'emovox';
import { useEffect, useRef, useState } from 'react';

const createRecognizer = (options) => EmotionRecognizer.create({ ...options, smoothing: 'none' });

export function App() {
  const listener = useRef(null);
  const [results, setResults] = useState([]);

  useEffect(() => {
    const element = listener.current;
    const onEmotion = (event) => setResults((previous) => [...previous, event.detail]);
    element.addEventListener('emovox-emotion', onEmotion);
    return () => element.removeEventListener('emovox-emotion', onEmotion);
  }, []);

  return (
    <main>
      <h1>How do you sound?</h1>
      {/* React 19 sets unknown props on custom elements as properties. */}
      <emotion-listener ref={listener} recognizerFactory={createRecognizer}></emotion-listener>
      <ol id="emotions">
        {results.map((result) => (
          <li key={result.startMs}>
            {result.label} ({Math.round(result.confidence * 100)} %)
          </li>
        ))}
      </ol>
    </main>
  );
}
