#!/usr/bin/env node
// `npm start`: bundles the demo (demo/main.ts and everything it imports, workers and assets included)
// into .cache/demo/ with the same Rollup setup as dist/browser, copies demo/'s static files, and serves
// it with cross-origin isolation headers. The bundle is reused while its inputs are unchanged.
// Options: --port=N (or PORT), --host=H (or HOST, default localhost), --build-only.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { sourceFilesUnder } from './build.mjs';
import { prebundleVad } from './prebundle-vad.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = join(root, 'demo');
const outDir = join(root, '.cache/demo');
const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
};

async function inputHash() {
  const hash = createHash('sha256');
  for (const dir of ['demo', 'src', 'models']) {
    for await (const file of sourceFilesUnder(join(root, dir), (p) => !/\.test\.ts$/.test(p))) {
      hash.update(relative(root, file)).update('\0').update(await readFile(file));
    }
  }
  for (const file of ['package-lock.json', 'rollup.config.mjs', 'scripts/rollup-plugin-asset-urls.mjs']) hash.update(await readFile(join(root, file)));
  return hash.digest('hex');
}

async function buildDemo() {
  await prebundleVad({ quiet: true });
  const stamp = join(outDir, '.inputs');
  const hash = await inputHash();
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === hash) {
    console.log('start: demo bundle is up to date');
    return;
  }
  const started = performance.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const { browserConfig } = await import('../rollup.config.mjs');
  const config = browserConfig({ input: { main: join(demoDir, 'main.ts') }, outDir, minified: false });
  const bundle = await rollup({ ...config, output: undefined });
  await bundle.write(config.output);
  await bundle.close();
  // Static files of demo/ (HTML, CSS, images, sample audio) go beside the bundle as they are.
  for await (const file of sourceFilesUnder(demoDir, (p) => !/\.(ts|mts)$/.test(p))) {
    const target = join(outDir, relative(demoDir, file));
    await mkdir(join(target, '..'), { recursive: true });
    await copyFile(file, target);
  }
  await writeFile(stamp, hash);
  console.log(`start: bundled demo/main.ts into .cache/demo in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function serve(port, host) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(outDir, path));
    if (!file.startsWith(outDir + sep) && file !== outDir) return void response.writeHead(403).end('forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      response.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cache-Control': 'no-cache',
      });
      if (request.method === 'HEAD') return void response.end();
      createReadStream(file).pipe(response);
    } catch {
      if (path === '/favicon.ico') return void response.writeHead(204).end();
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

try {
  await buildDemo();
} catch (error) {
  console.error(`start: building the demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
if (process.argv.includes('--build-only')) process.exit(0);

const host = option('host') ?? process.env.HOST ?? 'localhost';
const firstPort = Number(option('port') ?? process.env.PORT ?? 8080);
// Port 0 asks the OS for a free port (used by the smoke test); otherwise try the next 20 ports.
for (let port = firstPort; port < firstPort + 20; port++) {
  try {
    const server = await serve(port, host);
    console.log(`emovox demo: http://localhost:${server.address().port}/ (Ctrl+C to stop)`);
    break;
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' || port === firstPort + 19 || firstPort === 0) {
      console.error(`start: cannot listen on ${host}:${port}: ${error?.message ?? error}`);
      process.exit(1);
    }
  }
}
