import { RTVIMessage, Transport, type PipecatClientOptions, type Tracks, type TransportState } from '@pipecat-ai/client-js';
import { WebSocket } from 'ws';

/**
 * A Pipecat `Transport` (the library's extension point for transports) that writes each RTVI
 * message as JSON on a WebSocket, as Pipecat's data-channel transports put it on the wire. The
 * published transports (Daily, SmallWebRTC, WebSocket) need a bot server or WebRTC. Media is out
 * of scope: the device methods report none.
 */
export class JsonWebSocketTransport extends Transport {
  private socket: WebSocket | undefined;

  constructor(private readonly url: string) {
    super();
  }

  initialize(options: PipecatClientOptions, messageHandler: (ev: RTVIMessage) => void): void {
    this._options = options;
    this._onMessage = messageHandler;
  }
  async initDevices(): Promise<void> {}
  _validateConnectionParams(params?: unknown): unknown {
    return params;
  }
  async _connect(): Promise<void> {
    this.state = 'connecting';
    const socket = new WebSocket(this.url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    // As Pipecat's transports do: the client becomes usable ("ready") with the bot's bot-ready.
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as RTVIMessage;
      if (message.type === 'bot-ready') this.state = 'ready';
      this._onMessage(message);
    });
    this.socket = socket;
    this.state = 'connected';
  }
  async _disconnect(): Promise<void> {
    this.socket?.close();
    this.state = 'disconnected';
  }
  sendReadyMessage(): void {
    this.sendMessage(RTVIMessage.clientReady());
  }
  get state(): TransportState {
    return this._state;
  }
  set state(state: TransportState) {
    this._state = state;
  }
  sendMessage(message: RTVIMessage): void {
    if (!this.socket) throw new Error('JsonWebSocketTransport: not connected');
    this.socket.send(JSON.stringify(message));
  }
  async getAllMics(): Promise<MediaDeviceInfo[]> {
    return [];
  }
  async getAllCams(): Promise<MediaDeviceInfo[]> {
    return [];
  }
  async getAllSpeakers(): Promise<MediaDeviceInfo[]> {
    return [];
  }
  updateMic(): void {}
  updateCam(): void {}
  updateSpeaker(): void {}
  get selectedMic(): Record<string, never> {
    return {};
  }
  get selectedCam(): Record<string, never> {
    return {};
  }
  get selectedSpeaker(): Record<string, never> {
    return {};
  }
  enableMic(): void {}
  enableCam(): void {}
  enableScreenShare(): void {}
  get isCamEnabled(): boolean {
    return false;
  }
  get isMicEnabled(): boolean {
    return false;
  }
  get isSharingScreen(): boolean {
    return false;
  }
  tracks(): Tracks {
    return { local: {} };
  }
}
