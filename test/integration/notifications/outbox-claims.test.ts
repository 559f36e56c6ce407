import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { enqueueOutbox } from '../../../functions/adapters/db/outbox-enqueue';
import { createOutboxRepo } from '../../../functions/adapters/db/outbox-repo';
import { outboxMessages } from '../../../functions/adapters/db/schema';
import type { OutboxRepo } from '../../../functions/core/notifications/outbox-repo';
import { createBotApiClient } from '../../../functions/adapters/telegram/bot-api-client';
import { deliverDueMessages } from '../../../functions/core/notifications/run-notification-jobs';
import { createFakeBotApi } from '../../fakes/fake-bot-api';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let db: TestDatabase;
let repo: OutboxRepo;
const t0 = new Date('2030-01-01T12:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let nextKey = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  repo = createOutboxRepo(db.handle.db);
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await db.handle.db.delete(outboxMessages);
});

async function enqueueReplies(count: number, now = t0): Promise<string[]> {
  const entries = Array.from({ length: count }, (_, i) => ({
    dedupeKey: `test:${nextKey++}`,
    kind: 'bot_reply' as const,
    chatId: 1000 + i,
    payload: { text: `hello ${i}` },
  }));
  return enqueueOutbox(db.handle.db, entries, now);
}

const statusOf = async (id: string) => (await db.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

describe('claiming outbox messages', () => {
  it('gives ten simultaneous claims ten different messages, each once', async () => {
    const ids = await enqueueReplies(10);
    const claims = await Promise.all(Array.from({ length: 10 }, () => repo.claimDue({ now: t0, limit: 1, leaseSeconds: 120 })));
    const claimed = claims.flat().map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
  });

  it('does not hand out a message while another worker’s lease on it runs', async () => {
    await enqueueReplies(3);
    const first = await repo.claimDue({ now: t0, limit: 10, leaseSeconds: 120 });
    expect(first).toHaveLength(3);
    expect(await repo.claimDue({ now: at(119), limit: 10, leaseSeconds: 120 })).toEqual([]);
  });

  it('hands a message to another worker once the lease ran out, and the first worker can no longer settle it', async () => {
    const [id] = await enqueueReplies(1);
    const [stale] = await repo.claimDue({ now: t0, limit: 1, leaseSeconds: 120 });
    const [fresh] = await repo.claimDue({ now: at(121), limit: 1, leaseSeconds: 120 });
    expect(fresh!.id).toBe(id);
    expect(fresh!.attempts).toBe(2);

    await repo.markSent(stale!, at(122));
    expect(await statusOf(id!)).toMatchObject({ status: 'pending' });
    await repo.markSent(fresh!, at(123));
    expect(await statusOf(id!)).toMatchObject({ status: 'sent', sentAt: at(123), lockedUntil: null });
  });

  it('claims only messages that are due, oldest first', async () => {
    const [older] = await enqueueReplies(1, at(-10));
    const [newer] = await enqueueReplies(1, at(-5));
    const [later] = await enqueueReplies(1, at(60));
    const claimed = await repo.claimDue({ now: t0, limit: 10, leaseSeconds: 120 });
    expect(claimed.map((m) => m.id)).toEqual([older, newer]);
    expect(claimed.map((m) => m.id)).not.toContain(later);
  });

  it('claims only the messages asked for', async () => {
    const [, wanted] = await enqueueReplies(3);
    const claimed = await repo.claimDue({ now: t0, limit: 10, leaseSeconds: 120, ids: [wanted!] });
    expect(claimed.map((m) => m.id)).toEqual([wanted]);
  });

  it('gives the attempt back when a retry is not the message’s fault', async () => {
    const [id] = await enqueueReplies(1);
    const [claim] = await repo.claimDue({ now: t0, limit: 1, leaseSeconds: 120 });
    await repo.scheduleRetry(claim!, { nextAttemptAt: at(30), error: '429 Too Many Requests', countAttempt: false });
    expect(await statusOf(id!)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: at(30), lastError: '429 Too Many Requests', lockedUntil: null });
  });
});

describe('a worker whose sends are slow', () => {
  it('stops sending before its lease runs out and hands the rest back, attempt not counted', async () => {
    const ids = await enqueueReplies(4);
    const fake = createFakeBotApi({ token: '123456:slow-network-token-for-tests' });
    let nowMs = t0.getTime();
    // Every Bot API call takes 50 s on this worker's clock: the 120 s lease covers three sends, not four.
    const bot = createBotApiClient({
      token: fake.token,
      baseUrl: fake.baseUrl,
      fetch: async (input, init) => {
        nowMs += 50_000;
        return fake.fetch(input, init);
      },
    });
    const report = await deliverDueMessages({ outbox: repo, bot, clock: () => new Date(nowMs), publicUrl: undefined });
    expect(report).toMatchObject({ sent: 3, retried: 0 });
    expect(fake.callsOf('sendMessage')).toHaveLength(3);
    const rows = await Promise.all(ids.map(statusOf));
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(3);
    expect(rows.filter((row) => row.status === 'pending')).toEqual([expect.objectContaining({ attempts: 0, lockedUntil: null })]);

    const next = await deliverDueMessages({ outbox: repo, bot, clock: () => new Date(nowMs), publicUrl: undefined });
    expect(next).toMatchObject({ sent: 1 });
    expect(
      fake
        .callsOf('sendMessage')
        .map((call) => call.chat_id)
        .sort(),
    ).toEqual([1000, 1001, 1002, 1003]);
  });
});
