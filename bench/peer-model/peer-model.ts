import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrtRuntime } from '../../src/sdk/model/index.ts';
import { loadNodeOrt, type NodeOrtName } from '../../src/sdk/node/runtime.ts';
import { median } from '../lib/stats.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Generated at bench time, never committed (training/work/ is git-ignored). */
const onnxPath = join(root, 'training/work/bench/wav2vec2-sized.onnx');
const script = fileURLToPath(new URL('./export_wav2vec2_sized.py', import.meta.url));

/** Exports the random-weight wav2vec2-base-sized network once (torch 1.13 from Debian's /usr/bin/python3). */
async function ensurePeerOnnx(): Promise<number> {
  const countFile = `${onnxPath}.parameters`;
  if (!existsSync(onnxPath) || !existsSync(countFile)) {
    await mkdir(dirname(onnxPath), { recursive: true });
    const printed = execFileSync(process.env.EMOVOX_TRAINING_PYTHON ?? '/usr/bin/python3', [script, onnxPath], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    await import('node:fs/promises').then((fs) => fs.writeFile(countFile, printed.trim()));
  }
  return Number((await readFile(countFile, 'utf8')).trim());
}

type TensorCtor = new (type: 'float32', data: Float32Array, dims: readonly number[]) => unknown;

/** ms per second of audio: median of 2 runs after a warm-up, on one thread. */
async function timePeer(runtime: NodeOrtName, bytes: Uint8Array, audio: Float32Array): Promise<number> {
  const { ort } = await loadNodeOrt(runtime);
  const session = await (ort as OrtRuntime).InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  try {
    const feeds = { audio: new ((ort as OrtRuntime).Tensor as TensorCtor)('float32', audio, [1, audio.length]) } as never;
    await session.run(feeds);
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      await session.run(feeds);
      times.push(performance.now() - start);
    }
    return median(times) / (audio.length / 16000);
  } finally {
    await session.release();
  }
}

/** Times the peer-sized network on onnxruntime-node and on the wasm runtime. */
export async function peerModel(audio: Float32Array): Promise<{ parameters: number; nodeMsPerSecond: number; wasmMsPerSecond: number } | undefined> {
  let parameters: number;
  try {
    parameters = await ensurePeerOnnx();
  } catch (error) {
    // A fresh machine without torch: every other figure still comes out, the peer's are reported missing.
    process.stderr.write(`bench: the peer-sized network could not be exported (needs torch in /usr/bin/python3 or EMOVOX_TRAINING_PYTHON): ${(error as Error).message.split('\n')[0]}\n`);
    return undefined;
  }
  const bytes = new Uint8Array(await readFile(onnxPath));
  return { parameters, nodeMsPerSecond: await timePeer('onnxruntime-node', bytes, audio), wasmMsPerSecond: await timePeer('onnxruntime-web', bytes, audio) };
}
