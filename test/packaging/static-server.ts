// A static file server on 127.0.0.1 for built example apps: optional sub-path mount, extra response
// headers (CSP, COOP/COEP), and a log of every request with its status, so tests can prove that
// no asset was missing and that `.wasm` went out as `application/wasm`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedRequest {
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
}

export interface StaticServerOptions {
  /** URL path the folder is mounted at, ending in `/`. @defaultValue `'/'` */
  readonly prefix?: string;
  /** Headers added to every response. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface StaticServer {
  /** Absolute URL of the mounted folder (ends in `/`). */
  readonly url: string;
  readonly requests: readonly ServedRequest[];
  close(): Promise<void>;
}

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const relativePath = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(root, relativePath);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = join(file, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

export async function serveStatic(root: string, { prefix = '/', headers = {} }: StaticServerOptions = {}): Promise<StaticServer> {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new RangeError(`prefix must start and end with '/', got '${prefix}'`);
  const requests: ServedRequest[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    response.on('finish', () => requests.push({ path, status: response.statusCode, contentType: String(response.getHeader('content-type') ?? '') }));
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const file = path.startsWith(prefix) ? await fileFor(root, path.slice(prefix.length - 1)) : undefined;
    if (!file) {
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.writeHead(404).end('not found');
      return;
    }
    // setHeader, not writeHead's argument: the request log reads the header back with getHeader.
    response.setHeader('content-type', contentTypes[extname(file)] ?? 'application/octet-stream');
    response.setHeader('cache-control', 'no-store');
    response.writeHead(200);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
