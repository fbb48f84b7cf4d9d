/**
 * The part of onnxruntime's API emovox uses, as a structural type: both `onnxruntime-web/wasm`
 * (browser worker, Node) and `onnxruntime-node` satisfy it, so `EmotionModel` works with either
 * module passed in (`import * as ort from 'onnxruntime-web/wasm'`).
 */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
  dispose?(): void;
}

export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

/** Session options emovox sets; thread counts apply to onnxruntime-node (the web build reads `env.wasm.numThreads`). */
export interface OrtSessionOptions {
  executionProviders?: string[];
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
}

export interface OrtRuntime {
  readonly InferenceSession: {
    create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession>;
  };
  readonly Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;
}
