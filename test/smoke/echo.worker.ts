// Module worker used by environment.browser.test.ts: proves `.ts` workers load through
// `new URL('./x.worker.ts', import.meta.url)` and that module imports work inside them.
import { doublingModel } from './tiny-onnx.ts';

self.onmessage = (event: MessageEvent<number>) => {
  self.postMessage({ modelBytes: doublingModel(event.data).length, isolated: self.crossOriginIsolated });
};
