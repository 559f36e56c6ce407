import { serve, type ServerType } from '@hono/node-server';

/** A seeded PRNG (mulberry32): the same seed injects the same faults in the same order of calls. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy<Kind extends string> {
  url: string;
  /** Faults are injected only while on. */
  on: boolean;
  /** Calls that went through untouched, and faults injected, by kind. */
  counts: { calls: number; passed: number; faults: Record<Kind, number> };
  close(): Promise<void>;
}

/**
 * An HTTP server in front of a remote service's fake (`upstream`, in-process), which with probability
 * `rate` (and always, for a kind not seen yet) answers a call with a fault instead: `inject` gets the kind drawn and what the upstream answered
 * (fetched first, for faults that damage a real answer) and returns the response to send. A kind that does
 * not apply to the call (a page fault on an answer that is no page) returns null and the call is tried
 * with another kind, so the rate holds.
 */
export async function startFaultProxy<Kind extends string>(options: {
  upstream: (request: Request) => Promise<Response>;
  random: () => number;
  rate: number;
  kinds: readonly Kind[];
  inject: (kind: Kind, upstream: () => Promise<Response>, request: Request) => Promise<Response | null>;
}): Promise<FaultProxy<Kind>> {
  const counts = { calls: 0, passed: 0, faults: Object.fromEntries(options.kinds.map((k) => [k, 0])) as Record<Kind, number> };
  let server: ServerType | undefined;
  const proxy: FaultProxy<Kind> = { url: '', on: false, counts, close: () => new Promise<void>((r) => (server ? server.close(() => r()) : r())) };

  async function handle(request: Request): Promise<Response> {
    counts.calls++;
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const forward = () => options.upstream(new Request(request.url, { method: request.method, headers: request.headers, ...(body && { body }) }));
    // A call is faulted at the rate drawn; and while a kind has never happened, every call it applies to
    // gets it, so a kind that fits few calls (a page fault needs an answer with a page) happens in every
    // run whatever the seed and the timing. Then the kind injected least so far goes first (ties drawn).
    const drawn = proxy.on && options.random() < options.rate;
    const unseen = proxy.on ? options.kinds.filter((kind) => counts.faults[kind] === 0) : [];
    if (drawn || unseen.length > 0) {
      const candidates = drawn ? options.kinds : unseen;
      const kinds = candidates.map((kind) => ({ kind, order: counts.faults[kind] + options.random() })).sort((a, b) => a.order - b.order);
      for (const { kind } of kinds) {
        const response = await options.inject(kind, forward, request);
        if (response) {
          counts.faults[kind]++;
          return response;
        }
      }
    }
    counts.passed++;
    return forward();
  }

  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: handle, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  proxy.url = `http://127.0.0.1:${port}`;
  return proxy;
}

/** Resolves after `ms`, with `value`. */
export function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
