import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles vad-web's `MicVAD` for the page, the way an app would: our pre-bundle of
 * @ricky0123/vad-web (scripts/prebundle-vad.mjs) with its one import resolved to the same
 * `onnxruntime-web/wasm` build the emovox worker uses. Returns the folder holding `vad-web-peer.js`.
 */
export async function buildVadWebPeer(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await build({
    stdin: {
      contents: "export { MicVAD, vadWebVersion } from './src/sdk/vendor/vad-web.js';",
      resolveDir: root,
      sourcefile: 'vad-web-peer-entry.js',
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${outDir}/vad-web-peer.js`,
    logLevel: 'warning',
  });
  return outDir;
}
