/**
 * Records the Workers, AudioContexts and media tracks a page creates, by wrapping the global
 * constructors (not by reading the recognizer's privates). `restore()` puts the originals back.
 */
export interface ResourceSpy {
  readonly workers: Worker[];
  readonly terminated: Set<Worker>;
  readonly contexts: AudioContext[];
  readonly tracks: MediaStreamTrack[];
  restore(): void;
}

export function spyOnResources(): ResourceSpy {
  const OriginalWorker = globalThis.Worker;
  const OriginalAudioContext = globalThis.AudioContext;
  const devices = navigator.mediaDevices;
  const originalGetUserMedia = devices.getUserMedia;
  const spy = { workers: [] as Worker[], terminated: new Set<Worker>(), contexts: [] as AudioContext[], tracks: [] as MediaStreamTrack[] };
  globalThis.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      spy.workers.push(this);
    }
    override terminate(): void {
      spy.terminated.add(this);
      super.terminate();
    }
  };
  globalThis.AudioContext = class extends OriginalAudioContext {
    constructor(options?: AudioContextOptions) {
      super(options);
      spy.contexts.push(this);
    }
  };
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const stream = await originalGetUserMedia.call(devices, constraints);
    spy.tracks.push(...stream.getTracks());
    return stream;
  };
  return {
    ...spy,
    restore() {
      globalThis.Worker = OriginalWorker;
      globalThis.AudioContext = OriginalAudioContext;
      devices.getUserMedia = originalGetUserMedia;
    },
  };
}

/** Makes getUserMedia reject with a DOMException of `name` until the returned function is called. */
export function failGetUserMedia(name: string): () => void {
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia;
  devices.getUserMedia = async () => {
    throw new DOMException(`simulated ${name}`, name);
  };
  return () => {
    devices.getUserMedia = original;
  };
}
