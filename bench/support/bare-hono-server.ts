// The floor the catalog benchmark compares against: a bare Hono app on the same Node adapter as the shop,
// answering each path with bytes and headers recorded from the real server (the gzip included), so the
// only difference left is the shop's own work per request. Run by bench/catalog-reads.bench.ts as
//   node --import tsx bench/support/bare-hono-server.ts <answers.json>
// where the file is [{ path, status, headers, bodyBase64 }]; it prints "listening at <url>".
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

interface RecordedAnswer {
  path: string;
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

const file = process.argv[2];
if (!file) throw new Error('usage: bare-hono-server.ts <answers.json>');
const answers = JSON.parse(readFileSync(file, 'utf8')) as RecordedAnswer[];
const app = new Hono();
for (const answer of answers) {
  const body = new Uint8Array(Buffer.from(answer.bodyBase64, 'base64'));
  const url = new URL(answer.path, 'http://x');
  app.get(url.pathname, (c) => c.body(body, answer.status as 200, answer.headers));
}
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening at http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
