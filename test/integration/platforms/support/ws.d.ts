// The few parts of the `ws` package (installed with miniflare) the Neon driver test uses; it ships no
// types of its own and @types/ws is not installed.
declare module 'ws' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export class WebSocket extends EventEmitter {
    constructor(url: string);
    send(data: Uint8Array): void;
    close(): void;
    on(event: 'message', listener: (data: Buffer) => void): this;
    on(event: 'close' | 'error', listener: () => void): this;
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: { port: number; host: string }, ready?: () => void);
    address(): AddressInfo;
    close(callback?: () => void): void;
    clients: Set<WebSocket>;
    on(event: 'connection', listener: (socket: WebSocket, request: IncomingMessage) => void): this;
  }
}
