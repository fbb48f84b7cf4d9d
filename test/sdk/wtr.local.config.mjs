// Local wtr config for running SDK browser tests alone: the root config plus an ESM shim for
// @eshaz/web-worker (CommonJS, pulled in by the FLAC decoder), which the root config does not handle yet.
// Usage: npx wtr --config test/sdk/wtr.local.config.mjs --group <group>
import base from '../../web-test-runner.config.mjs';

/** In a browser @eshaz/web-worker is just the global Worker. */
const webWorkerShim = {
  name: 'eshaz-web-worker-shim',
  resolveImport({ source }) {
    if (source === '@eshaz/web-worker') return '/__emovox-web-worker-shim.js';
    return undefined;
  },
  serve(context) {
    if (context.path === '/__emovox-web-worker-shim.js') return { body: 'export default globalThis.Worker;\n', type: 'js' };
    return undefined;
  },
};

export default { ...base, plugins: [webWorkerShim, ...base.plugins] };
