/**
 * The cold-start page: one plain HTML page with two functions the benchmark calls after each
 * (re)load. Both import their library first (timed apart), then time only the factory call.
 * emovox: `EmotionRecognizer.create()` from dist/browser/emovox.js, with every asset found next to it.
 * vad-web: `MicVAD.new()` loading the same Silero v5 model and the same ORT wasm build.
 */
export const coldStartPage = `<!doctype html>
<meta charset="utf-8">
<title>emovox cold start</title>
<script type="module">
const since = (t) => performance.now() - t;
const pageResources = () => performance.getEntriesByType('resource')
  .map((e) => ({ url: e.name, startMs: performance.timeOrigin + e.startTime, endMs: performance.timeOrigin + e.responseEnd, transferBytes: e.transferSize }));

window.emovoxColdStart = async () => {
  const t0 = performance.now();
  const { EmotionRecognizer } = await import('/dist/emovox.js');
  const importMs = since(t0);
  const t1 = performance.now();
  const recognizer = await EmotionRecognizer.create();
  const createMs = since(t1);
  const diagnostics = await recognizer.diagnostics();
  await recognizer.destroy();
  return { importMs, createMs, createStartEpochMs: performance.timeOrigin + t1, startup: diagnostics.startup,
    workerResources: diagnostics.resources, pageResources: pageResources() };
};

window.vadWebColdStart = async (startOnLoad) => {
  const t0 = performance.now();
  const { MicVAD, vadWebVersion } = await import('/peer/vad-web-peer.js');
  const importMs = since(t0);
  const t1 = performance.now();
  const vad = await MicVAD.new({ model: 'v5', startOnLoad, baseAssetPath: '/vad-web/', onnxWASMBasePath: '/ort/' });
  const createMs = since(t1);
  // vad-web 0.0.31's destroy() throws when the microphone was never started; the reload frees it anyway.
  if (startOnLoad) await vad.destroy();
  return { importMs, createMs, vadWebVersion, pageResources: pageResources() };
};
</script>`;
