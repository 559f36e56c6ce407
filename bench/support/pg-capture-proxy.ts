// A TCP proxy in front of the PostgreSQL server that records every statement its clients run, with its
// parameters (text format) and the rows it answered, read off the wire protocol
// (postgresql.org/docs/current/protocol-message-formats.html). bench/orders-floor.bench.ts points a shop
// instance at it to learn exactly what one order costs the database, then replays that by hand.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CapturedStatement {
  /** Which client connection ran it (one per pooled connection of the server). */
  connection: number;
  query: string;
  /** Text-format parameters; null for SQL NULL. */
  params: (string | null)[];
  /** The parameter types the client declared in its Parse (0: the server infers). */
  types: number[];
  /** Rows answered, each a list of text values. */
  rows: (string | null)[][];
  failed: boolean;
  /**
   * How many statements (on any connection) had ended when this one was sent: statements sent with the
   * same count went out together, without waiting for each other (pipelined, or run in parallel).
   */
  wave: number;
}

export interface CaptureProxy {
  port: number;
  /** Statements sent since the last `take()`, in the order they were sent (call it once they have ended). */
  take(): CapturedStatement[];
  close(): Promise<void>;
}

/** Reads typed messages (type byte, int32 length including itself) off a stream; `skipUntyped` first. */
function messageReader(skipUntyped: boolean, onMessage: (type: string, body: Buffer) => void) {
  let buffer = Buffer.alloc(0);
  let startup = skipUntyped;
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (startup) {
        if (buffer.length < 4) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        buffer = buffer.subarray(length);
        startup = false;
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      onMessage(String.fromCharCode(buffer[0]!), buffer.subarray(5, 1 + length));
      buffer = buffer.subarray(1 + length);
    }
  };
}

function cString(body: Buffer, at: number): [string, number] {
  const end = body.indexOf(0, at);
  return [body.toString('utf8', at, end), end + 1];
}

export async function startCaptureProxy(target: { host: string; port: number }): Promise<CaptureProxy> {
  let done: CapturedStatement[] = [];
  let nextConnection = 0;
  let ended = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const id = nextConnection++;
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const statements = new Map<string, { query: string; types: number[] }>();
    let bound: { query: string; types: number[]; params: (string | null)[] } | null = null;
    const pending: CapturedStatement[] = [];
    // Kept in the order they were sent (two sent at once may end in either order); rows filled in as they come.
    const send = (statement: CapturedStatement) => {
      pending.push(statement);
      done.push(statement);
    };
    const finish = (failed: boolean) => {
      const statement = pending.shift();
      ended++;
      if (statement) statement.failed = failed;
    };
    client.on(
      'data',
      messageReader(true, (type, body) => {
        if (type === 'P') {
          const [name, afterName] = cString(body, 0);
          const [query, afterQuery] = cString(body, afterName);
          const count = body.readInt16BE(afterQuery);
          const types = Array.from({ length: count }, (_, i) => body.readInt32BE(afterQuery + 2 + 4 * i));
          statements.set(name, { query, types });
        } else if (type === 'B') {
          const [, afterPortal] = cString(body, 0);
          const [name, afterName] = cString(body, afterPortal);
          const formats = body.readInt16BE(afterName);
          let at = afterName + 2 + 2 * formats;
          const count = body.readInt16BE(at);
          at += 2;
          const params: (string | null)[] = [];
          for (let i = 0; i < count; i++) {
            const length = body.readInt32BE(at);
            at += 4;
            if (length < 0) params.push(null);
            else {
              params.push(body.toString('utf8', at, at + length));
              at += length;
            }
          }
          const statement = statements.get(name) ?? { query: '?', types: [] };
          bound = { ...statement, params };
        } else if (type === 'E' && bound) {
          send({ connection: id, query: bound.query, params: bound.params, types: bound.types, rows: [], failed: false, wave: ended });
        } else if (type === 'Q') {
          send({ connection: id, query: cString(body, 0)[0], params: [], types: [], rows: [], failed: false, wave: ended });
        }
      }),
    );
    upstream.on(
      'data',
      messageReader(false, (type, body) => {
        if (type === 'D') {
          const count = body.readInt16BE(0);
          let at = 2;
          const row: (string | null)[] = [];
          for (let i = 0; i < count; i++) {
            const length = body.readInt32BE(at);
            at += 4;
            if (length < 0) row.push(null);
            else {
              row.push(body.toString('utf8', at, at + length));
              at += length;
            }
          }
          pending[0]?.rows.push(row);
        } else if (type === 'C' || type === 'I') finish(false);
        else if (type === 'E') finish(true);
      }),
    );
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the capture proxy has no port');
  return {
    port: address.port,
    take() {
      const taken = done;
      done = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
