import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../../functions/adapters/db/outbox-enqueue';
import { createOutboxRepo } from '../../../functions/adapters/db/outbox-repo';
import { outboxMessages } from '../../../functions/adapters/db/schema';
import type { OutboxRepo } from '../../../functions/core/notifications/outbox-repo';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const SERVER_URL = process.env.DATABASE_URL;
const t0 = new Date('2030-01-01T12:00:00.000Z');

// A message already sent through the Bot API whose "sent" record is cut off with its database session
// (a failover, a pooler recycling connections, pg_terminate_backend) would be sent a second time once
// its lease runs out. The session died, not the database: the record is written again on a new one.
describe.skipIf(!SERVER_URL)('settling an outbox message when its database session is terminated mid-write', () => {
  let db: TestDatabase;
  let repo: OutboxRepo;
  let admin: postgres.Sql;
  let databaseName: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    repo = createOutboxRepo(db.handle.db);
    admin = postgres(SERVER_URL!, { max: 2, onnotice: () => {} });
    // The postgres driver answers execute() with the rows themselves.
    const [row] = (await db.handle.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    databaseName = row!.name;
  });
  afterAll(async () => {
    await admin?.end({ timeout: 5 });
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.handle.db.delete(outboxMessages);
  });

  /** Runs `write` while another session locks the row, terminates the backend waiting for it, then lets go. */
  async function terminateWhileWriting(id: string, write: () => Promise<void>): Promise<void> {
    const url = new URL(SERVER_URL!);
    url.pathname = `/${databaseName}`;
    const locker = postgres(url.toString(), { max: 1, onnotice: () => {} });
    let writing: Promise<void> | undefined;
    try {
      await locker.begin(async (tx) => {
        await tx`select id from outbox_messages where id = ${id} for update`;
        writing = write();
        writing.catch(() => {}); // awaited below, after the lock is let go
        let waiting: { pid: number }[] = [];
        for (let i = 0; i < 100 && waiting.length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          waiting = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${databaseName} and wait_event_type = 'Lock'`;
        }
        expect(waiting).toHaveLength(1);
        await admin`select pg_terminate_backend(${waiting[0]!.pid})`;
        // The writer sees its session die while the lock is still held.
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
    } finally {
      await locker.end({ timeout: 5 });
    }
    await writing;
  }

  it('records a sent message as sent on a new session', async () => {
    const [id] = await enqueueOutbox(db.handle.db, [{ dedupeKey: 'lost:sent', kind: 'bot_reply', chatId: '1', payload: { text: 'hi' } }], t0);
    const [claim] = await repo.claimDue({ now: t0, limit: 1, leaseSeconds: 30 });
    await terminateWhileWriting(id!, () => repo.markSent(claim!, t0));
    const [row] = await db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id!));
    expect(row).toMatchObject({ status: 'sent', sentAt: t0, lockedUntil: null });
  });

  it('hands a message back for a retry on a new session', async () => {
    const [id] = await enqueueOutbox(db.handle.db, [{ dedupeKey: 'lost:retry', kind: 'bot_reply', chatId: '1', payload: { text: 'hi' } }], t0);
    const [claim] = await repo.claimDue({ now: t0, limit: 1, leaseSeconds: 30 });
    const nextAttemptAt = new Date(t0.getTime() + 15_000);
    await terminateWhileWriting(id!, () => repo.scheduleRetry(claim!, { nextAttemptAt, error: '500 Internal Server Error', countAttempt: true }));
    const [row] = await db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id!));
    expect(row).toMatchObject({ status: 'pending', nextAttemptAt, lockedUntil: null, lastError: '500 Internal Server Error' });
  });
});
