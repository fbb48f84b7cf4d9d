import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  // application/wasm lets WebAssembly.instantiateStreaming compile while downloading (and cache the code).
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.wav': 'audio/wav',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** URL prefix (like `/dist/`) → folder on disk. */
  readonly mounts: Record<string, string>;
  /** Exact paths answered with fixed HTML. */
  readonly pages?: Record<string, string>;
  /** Sets COOP/COEP so the page is cross-origin isolated (multi-threaded wasm). */
  readonly isolated?: boolean;
}

/**
 * A static file server on 127.0.0.1 and a random port, with the headers a production host would
 * send: correct content types and an hour of HTTP caching, so a reload measures a warm cache.
 */
export async function serveStatic({ mounts, pages = {}, isolated = false }: ServeOptions): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const headers: Record<string, string> = isolated
      ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
      : {};
    if (pages[path] !== undefined) {
      response.writeHead(200, { ...headers, 'content-type': contentTypes['.html'], 'cache-control': 'no-store' });
      response.end(pages[path]);
      return;
    }
    const prefix = Object.keys(mounts).find((mount) => path.startsWith(mount));
    const file = prefix === undefined ? undefined : normalize(join(mounts[prefix], path.slice(prefix.length)));
    if (!file || (prefix !== undefined && !file.startsWith(normalize(mounts[prefix]) + sep))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the benchmark server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
