import { EmotionRecognizer } from 'emovox';
import { EmotionListener } from 'emovox/react';
import { useState } from 'react';

const createRecognizer = (options) => EmotionRecognizer.create({ ...options, smoothing: 'none' });

export function App() {
  const [results, setResults] = useState([]);

  return (
    <main>
      <h1>How do you sound?</h1>
      {/* emovox/react wraps <emotion-listener>: objects go in as properties, `emovox-*` events as on* props. */}
      <EmotionListener
        recognizerFactory={createRecognizer}
        onEmotion={(event) => setResults((previous) => [...previous, event.detail])}
      />
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
