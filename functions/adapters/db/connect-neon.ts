import { Pool, neonConfig } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import type { DatabaseHandle, Db } from './connect';
import { schema } from './schema';

export interface NeonOptions {
  url: string;
  maxConnections?: number;
  /**
   * Where the driver opens its WebSocket. Neon's own endpoint by default; a self-hosted WebSocket-to-TCP
   * proxy (Neon's wsproxy) puts any Postgres behind it, e.g. `localhost:8080/v1` for local work.
   */
  webSocketProxy?: (host: string, port: number | string) => string;
  /** `false` only for such a local proxy without TLS. */
  secureWebSocket?: boolean;
  /**
   * The WebSocket class, where the runtime has none built in (Node 20; Node 22, Workers and browsers
   * have one): e.g. the `ws` package's.
   */
  webSocket?: unknown;
}

/**
 * Neon's serverless driver: the Postgres protocol over a WebSocket, for hosts where a TCP pool does not
 * fit. Interactive transactions work (unlike its one-shot HTTP mode), which the order and payment
 * repositories need for their row locks. Node 20 has no global WebSocket: there, pass one, use the
 * `postgres` driver, or a Node 22 runtime.
 */
export function openNeon(options: NeonOptions): DatabaseHandle {
  if (options.webSocket) neonConfig.webSocketConstructor = options.webSocket as typeof neonConfig.webSocketConstructor;
  else if (typeof globalThis.WebSocket !== 'function') {
    throw new Error('DATABASE_DRIVER=neon needs a runtime with WebSocket (Node 22 or later, Workers); use the postgres driver here');
  }
  if (options.webSocketProxy) neonConfig.wsProxy = options.webSocketProxy;
  if (options.secureWebSocket === false) {
    neonConfig.useSecureWebSocket = false;
    // The proxy speaks plain Postgres behind the socket: no TLS inside it and no pipelined start-up.
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: options.url, max: options.maxConnections ?? 5 });
  // An idle client that loses its socket emits 'error' on the pool; without a listener that would be
  // an uncaught exception. The next query simply opens a new connection.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: 'neon',
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}
