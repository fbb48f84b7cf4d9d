import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export type Frame = Record<string, unknown>;

/**
 * A WebSocket server on 127.0.0.1 (random port) standing in for a vendor endpoint: it records
 * every JSON frame the real client sends and lets the test answer the handshake.
 */
export class WsEndpoint {
  readonly frames: Frame[] = [];
  readonly requests: IncomingMessage[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: WebSocketServer,
    reply: (frame: Frame, socket: WebSocket) => void,
  ) {
    server.on('connection', (socket, request) => {
      this.requests.push(request);
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as Frame;
        this.frames.push(frame);
        reply(frame, socket);
        for (const wake of this.waiters) wake();
      });
    });
  }

  /** Starts a server; `reply` sees every frame (to answer handshakes). */
  static async start(reply: (frame: Frame, socket: WebSocket) => void = () => undefined): Promise<WsEndpoint> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    return new WsEndpoint(server, reply);
  }

  get port(): number {
    const address = this.server.address();
    if (typeof address === 'string' || address === null) throw new Error('server has no port');
    return address.port;
  }

  /** Frames whose `type` (or first key, for type-less protocols) is `kind`. */
  framesOf(kind: string): Frame[] {
    return this.frames.filter((f) => f.type === kind || (f.type === undefined && kind in f));
  }

  /** Resolves once `count` frames of `kind` arrived; rejects after `timeoutMs`. */
  async waitFor(kind: string, count = 1, timeoutMs = 5000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.framesOf(kind).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} '${kind}' frame(s); got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 50);
        this.waiters.add(wake);
      });
    }
    return this.framesOf(kind);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
