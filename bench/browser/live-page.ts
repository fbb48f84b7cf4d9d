/**
 * The end-to-end page: one recognizer listening to Chromium's fake microphone (a generated WAV of
 * short utterances). It notes the epoch time each event reaches the page; the benchmark reads the
 * notes and the worker's diagnostics when the track has played.
 */
export const livePage = `<!doctype html>
<meta charset="utf-8">
<title>emovox end to end</title>
<script type="module">
const epoch = () => performance.timeOrigin + performance.now();
window.live = { emotions: [], updates: [], errors: [] };
window.startLive = async () => {
  const { EmotionRecognizer } = await import('/dist/emovox.js');
  const recognizer = await EmotionRecognizer.create();
  recognizer.on('emotion', (r) => window.live.emotions.push({ atMs: epoch(), startMs: r.startMs, endMs: r.endMs }));
  recognizer.on('emotion-update', (r) => window.live.updates.push({ atMs: epoch(), startMs: r.startMs, endMs: r.endMs }));
  recognizer.on('error', (e) => window.live.errors.push(String(e)));
  window.recognizer = recognizer;
  await recognizer.start();
  window.live.startedMs = epoch();
};
window.stopLive = async () => {
  const diagnostics = await window.recognizer.diagnostics();
  await window.recognizer.destroy();
  return { ...window.live, emotionTimings: diagnostics.emotionTimings };
};
</script>`;
