/// <reference lib="webworker" />
// The one emovox worker: Silero VAD and the emotion model on one onnxruntime-web runtime.
// ORT's environment is configured here, in this worker's own module instance, never on the host page.
import { expose } from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import type { LogLevel } from '../logger.ts';
import { WorkerEngine } from './engine.ts';
import { installErrorTransfer } from './error-transfer.ts';
import { answerLiveness } from './liveness.ts';
import type { WorkerInit } from './protocol.ts';
import { shareFirstWasmModule } from './wasm-module-share.ts';

installErrorTransfer();
// Before expose(): liveness messages must not reach comlink.
answerLiveness(self as unknown as DedicatedWorkerGlobalScope);
shareFirstWasmModule(self as unknown as DedicatedWorkerGlobalScope);

const ortLogLevels: Record<LogLevel, 'fatal' | 'error' | 'warning' | 'info' | 'verbose'> = {
  silent: 'fatal', error: 'error', warn: 'warning', info: 'info', debug: 'verbose',
};

function configureOrt(init: WorkerInit): void {
  ort.env.wasm.numThreads = init.options.ortThreads;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = ortLogLevels[init.options.logLevel];
  if (init.ortWasmUrl) ort.env.wasm.wasmPaths = { wasm: init.ortWasmUrl };
}

const engine = new WorkerEngine(ort as unknown as ConstructorParameters<typeof WorkerEngine>[0], configureOrt);

// Failures outside any request (a rejected promise nobody awaited) still reach the page.
self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  engine.reportError(event.reason);
});

expose(engine);
