import { EmotionModel } from '../model/emotion-model.ts';
import type { OrtRuntime, OrtSessionOptions } from '../model/ort-types.ts';
import { fetchBytes, fetchEmotionModel, openVad } from '../pipeline/loader.ts';
import type { Model } from '../vendor/vad-web.js';
import { startOrtRuntime } from './ort-start.ts';
import type { WorkerInit } from './protocol.ts';
import type { StartupTimeline } from './startup-timeline.ts';

/** What `ready` needs: the live VAD (opened, not yet run) and the emotion model, plus the VAD's bytes for a later analysis VAD. */
export interface ReadyModels {
  readonly vad: Model;
  readonly model: EmotionModel;
  readonly vadBytes: Promise<Uint8Array>;
}

export interface LoadContext {
  readonly init: WorkerInit;
  readonly timeline: StartupTimeline;
  /** The ORT module, uncounted (for the runtime start). */
  readonly ort: OrtRuntime;
  /** The ORT module as model loaders see it, counting and timing each session as `session:<name>`. */
  readonly runtime: (name: string) => OrtRuntime;
  readonly graphOptimizationLevel: OrtSessionOptions['graphOptimizationLevel'];
}

const quiet = <T>(promise: Promise<T>): Promise<T> => (promise.catch(() => undefined), promise);

/**
 * Loads the live VAD and the emotion model with nothing in series that need not be: ORT's runtime and
 * both downloads start at once, and each session opens as soon as its bytes and the runtime are there.
 * On failure everything opened is released and one error is thrown, in a fixed order of causes: VAD
 * download, runtime, VAD session, model download or manifest, model session.
 */
export async function loadForReady({ init, timeline, ort, runtime, graphOptimizationLevel }: LoadContext): Promise<ReadyModels> {
  const started = quiet(timeline.time('ort-start', () => startOrtRuntime(ort, init.ortWasmUrl)));
  const vadUrl = new URL(init.vadModelUrl);
  const vadBytes = quiet(timeline.time('fetch:vad', () => fetchBytes(vadUrl, 'VAD model', 'ASSET_LOAD_FAILED')));
  const modelFileUrl = init.modelFileUrl ? new URL(init.modelFileUrl) : undefined;
  const source = quiet(timeline.time('fetch:model', () => fetchEmotionModel(new URL(init.manifestUrl), fetchBytes, modelFileUrl)));

  const vad = timeline.time('open:vad', async () => {
    const bytes = await vadBytes;
    await started;
    return openVad(runtime('vad'), init.options.vad.model, vadUrl, bytes, false);
  });
  const model = timeline.time('open:model', async () => {
    const { manifest, bytes } = await source;
    await started;
    return EmotionModel.create(runtime('model'), manifest, bytes, { threads: init.options.ortThreads, graphOptimizationLevel });
  });
  const [vadResult, modelResult] = await Promise.allSettled([vad, model]);
  if (vadResult.status === 'fulfilled' && modelResult.status === 'fulfilled') {
    return { vad: vadResult.value, model: modelResult.value, vadBytes };
  }
  await Promise.all([
    vadResult.status === 'fulfilled' ? vadResult.value.release().catch(() => undefined) : undefined,
    modelResult.status === 'fulfilled' ? modelResult.value.release().catch(() => undefined) : undefined,
  ]);
  throw vadResult.status === 'rejected' ? vadResult.reason : (modelResult as PromiseRejectedResult).reason;
}
