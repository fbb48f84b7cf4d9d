// A static server on 127.0.0.1 that is also the browser's HTTP proxy, so it sees every request the
// browser makes from any context (page, workers, worklets, ORT's own threads), to any origin, with its
// method and body size. It serves only its own origin; anything else (other hosts, HTTPS tunnels,
// WebSocket upgrades) is recorded and refused, never forwarded.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
};

export interface RecordedRequest {
  readonly method: string;
  /** Absolute URL (for a tunnel: `https://host:port`). */
  readonly url: string;
  /** Bytes of request body received. */
  readonly bodyBytes: number;
  readonly status: number;
  /** The `Referer` header: set on requests a page or worker makes, absent on the browser's own. */
  readonly referer?: string;
}

export interface RecordingServer {
  /** The origin pages are served from, e.g. `http://127.0.0.1:34567`. */
  readonly origin: string;
  /** Value for Chromium's `--proxy-server`. */
  readonly proxy: string;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordingServerOptions {
  /** Folder served at the origin's root. */
  readonly root: string;
  /** In-memory responses by path: [content type, body]. */
  readonly pages?: Readonly<Record<string, readonly [string, string]>>;
  /** Headers added to every response of the origin. */
  readonly headers?: Readonly<Record<string, string>>;
}

async function fileFor(root: string, path: string): Promise<string | undefined> {
  const file = join(root, normalize(decodeURIComponent(path)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
}

export async function startRecordingServer({ root, pages = {}, headers = {} }: RecordingServerOptions): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let origin = '';
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let bodyBytes = 0;
    for await (const chunk of request) bodyBytes += (chunk as Buffer).length;
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    response.on('finish', () => requests.push({ method: request.method ?? '?', url: url.href, bodyBytes, status: response.statusCode, referer: request.headers.referer }));
    if (url.origin !== origin) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('this test proxy forwards nothing');
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('cache-control', 'no-store');
    const page = pages[url.pathname];
    if (page) {
      response.writeHead(200, { 'content-type': page[0] }).end(page[1]);
      return;
    }
    const file = await fileFor(root, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  const refuse = (kind: string) => (request: IncomingMessage, socket: import('node:stream').Duplex) => {
    const target = kind === 'CONNECT' ? `https://${request.url}` : new URL(request.url ?? '/', `http://${request.headers.host}`).href;
    requests.push({ method: kind, url: target, bodyBytes: 0, status: 403 });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  };
  server.on('connect', refuse('CONNECT'));
  server.on('upgrade', refuse('UPGRADE'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    proxy: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
