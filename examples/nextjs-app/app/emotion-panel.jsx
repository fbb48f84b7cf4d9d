'use client';
import { useEffect, useRef, useState } from 'react';

export default function EmotionPanel() {
  const listener = useRef(null);
  const [results, setResults] = useState([]);

  useEffect(() => {
    const element = listener.current;
    const onEmotion = (event) => setResults((previous) => [...previous, event.detail]);
    element.addEventListener('emovox-emotion', onEmotion);
    let cancelled = false;
    // emovox needs the browser (workers, AudioContext, custom elements): load it after hydration.
    // The factory is set before the element is defined, so its first load already uses it.
    (async () => {
      const { EmotionRecognizer } = await import('emovox');
      if (cancelled) return;
      element.recognizerFactory = (options) => EmotionRecognizer.create({ ...options, interimIntervalMs: 1000 });
      await import('emovox/components');
    })();
    return () => {
      cancelled = true;
      element.removeEventListener('emovox-emotion', onEmotion);
    };
  }, []);

  return (
    <>
      {/* Rendered on the server as a plain unknown element; it upgrades once emovox/components loads. */}
      <emotion-listener ref={listener}></emotion-listener>
      <ol id="emotions">
        {results.map((result) => (
          <li key={result.startMs}>
            {result.label} ({Math.round(result.confidence * 100)} %)
          </li>
        ))}
      </ol>
    </>
  );
}
