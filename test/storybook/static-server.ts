import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.onnx': 'application/octet-stream',
};

/**
 * Serves the files of `dir` on 127.0.0.1 at a free port (404 for anything else), plus in-memory HTML
 * `pages` by path (a test page beside a build it must not write into); resolves with its origin.
 */
export async function serveStatic(dir: string, pages: Record<string, string> = {}): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://x').pathname];
    if (page !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
      return;
    }
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    const info = file.startsWith(dir) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
