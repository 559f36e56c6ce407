import { describe, expect, it } from 'vitest';
import { readPostgresUrl } from '../../../functions/adapters/db/postgres-url';

describe('readPostgresUrl', () => {
  it.each([
    [
      "drops Neon's channel_binding and keeps sslmode",
      'postgresql://bazaar:s3cr%40t@ep-x-123.eu-central-1.aws.neon.tech/bazaar?sslmode=require&channel_binding=require',
      { url: 'postgresql://bazaar:s3cr%40t@ep-x-123.eu-central-1.aws.neon.tech/bazaar?sslmode=require', prepare: true },
    ],
    [
      'turns prepared statements off behind a transaction pooler marked pgbouncer=true, and drops the flag',
      'postgresql://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?pgbouncer=true',
      { url: 'postgresql://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres', prepare: false },
    ],
    [
      "reads postgres.js's own prepare=false too",
      'postgres://u:p@db.example:5432/shop?prepare=false',
      { url: 'postgres://u:p@db.example:5432/shop?prepare=false', prepare: false },
    ],
    ['keeps prepared statements with pgbouncer=false', 'postgres://u@h/db?pgbouncer=false', { url: 'postgres://u@h/db', prepare: true }],
    ['leaves a plain string exactly as it was', 'postgres://postgres@127.0.0.1:5432/test', { url: 'postgres://postgres@127.0.0.1:5432/test', prepare: true }],
    ['leaves what is not a URL to the driver', 'not a url', { url: 'not a url', prepare: true }],
  ])('%s', (_name, input, expected) => {
    expect(readPostgresUrl(input)).toEqual(expected);
  });
});
