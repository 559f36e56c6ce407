import { createConnection } from 'node:net';
import { WebSocketServer } from 'ws';

export interface WebSocketProxy {
  /** For openNeon's `webSocketProxy`: where the driver opens its socket for a database at host:port. */
  endpointFor(host: string, port: number | string): string;
  /** Sockets opened through the proxy so far: proof that the driver went through it. */
  connections: number;
  close(): Promise<void>;
}

/**
 * A WebSocket-to-TCP proxy in the manner of Neon's wsproxy: each WebSocket carries the Postgres wire
 * protocol, byte for byte, to the `address` its URL names. Neon's serverless driver reaches any
 * Postgres through it, here the PostgreSQL server on loopback.
 */
export async function startWebSocketProxy(): Promise<WebSocketProxy> {
  const proxy = { connections: 0 };
  const server = await new Promise<WebSocketServer>((resolve) => {
    const s = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => resolve(s));
  });
  server.on('connection', (socket, request) => {
    proxy.connections++;
    const address = new URL(request.url ?? '/', 'http://proxy').searchParams.get('address') ?? '';
    const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
    const tcp = createConnection({ host, port });
    socket.on('message', (data) => tcp.write(data));
    tcp.on('data', (chunk) => socket.send(chunk));
    socket.on('close', () => tcp.end());
    socket.on('error', () => tcp.destroy());
    tcp.on('close', () => socket.close());
    tcp.on('error', () => socket.close());
  });
  const { port } = server.address();
  return {
    endpointFor: (host, dbPort) => `127.0.0.1:${port}/v1?address=${host}:${dbPort}`,
    get connections() {
      return proxy.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.close();
        server.close(() => resolve());
      }),
  };
}
