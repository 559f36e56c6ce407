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
    chatId: String(1000 + i),
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
    // Every Bot API call takes 10 s on this worker's clock, as long as the client ever waits: the lease
    // covers two sends, not four.
    const bot = createBotApiClient({
      token: fake.token,
      baseUrl: fake.baseUrl,
      fetch: async (input, init) => {
        nowMs += 10_000;
        return fake.fetch(input, init);
      },
    });
    const report = await deliverDueMessages({ outbox: repo, bot, clock: () => new Date(nowMs), publicUrl: undefined });
    expect(report).toMatchObject({ sent: 2, retried: 0 });
    expect(fake.callsOf('sendMessage')).toHaveLength(2);
    const rows = await Promise.all(ids.map(statusOf));
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(2);
    expect(rows.filter((row) => row.status === 'pending')).toEqual([
      expect.objectContaining({ attempts: 0, lockedUntil: null }),
      expect.objectContaining({ attempts: 0, lockedUntil: null }),
    ]);

    const next = await deliverDueMessages({ outbox: repo, bot, clock: () => new Date(nowMs), publicUrl: undefined });
    expect(next).toMatchObject({ sent: 2 });
    expect(
      fake
        .callsOf('sendMessage')
        .map((call) => call.chat_id)
        .sort(),
    ).toEqual([1000, 1001, 1002, 1003]);
  });
});

describe('a worker cut off from the database', () => {
  const lostConnection = () => Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });

  it('leaves a claim whose answer it never got to another worker within half a minute', async () => {
    const ids = await enqueueReplies(2);
    const fake = createFakeBotApi({ token: '123456:lost-claim-token-for-tests' });
    const bot = createBotApiClient({ token: fake.token, baseUrl: fake.baseUrl, fetch: fake.fetch });
    // The claim commits; its answer is lost with the session, so this worker knows of no message.
    const cutOff: OutboxRepo = {
      ...repo,
      claimDue: async (input) => {
        await repo.claimDue(input);
        throw lostConnection();
      },
    };
    await expect(deliverDueMessages({ outbox: cutOff, bot, clock: () => t0, publicUrl: undefined })).rejects.toThrow(/CONNECTION_CLOSED/);

    expect(await deliverDueMessages({ outbox: repo, bot, clock: () => at(29), publicUrl: undefined })).toMatchObject({ sent: 0 });
    expect(await deliverDueMessages({ outbox: repo, bot, clock: () => at(31), publicUrl: undefined })).toMatchObject({ sent: 2 });
    expect(fake.callsOf('sendMessage')).toHaveLength(2);
    expect((await Promise.all(ids.map(statusOf))).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('hands back at once the messages it had claimed and not sent when a run fails', async () => {
    const ids = await enqueueReplies(3);
    const fake = createFakeBotApi({ token: '123456:failed-run-token-for-tests' });
    const bot = createBotApiClient({ token: fake.token, baseUrl: fake.baseUrl, fetch: fake.fetch });
    // The first message goes out; recording it fails for good (the database is gone for this worker).
    const failing: OutboxRepo = {
      ...repo,
      markSent: async () => {
        throw lostConnection();
      },
    };
    await expect(deliverDueMessages({ outbox: failing, bot, clock: () => t0, publicUrl: undefined })).rejects.toThrow(/CONNECTION_CLOSED/);
    expect(fake.callsOf('sendMessage')).toHaveLength(1);

    // Messages enqueued at the same moment go out in id order, which is random: find the one that went.
    const rows = await Promise.all(ids.map(statusOf));
    const sentTo = fake.callsOf('sendMessage')[0]!.chat_id;
    const sent = rows.find((row) => row.chatId === String(sentTo));
    const unsent = rows.filter((row) => row !== sent);
    // Sent but not recorded: it keeps its lease, so it is not sent again while the first worker might still record it.
    expect(sent).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: expect.any(Date) });
    expect(unsent).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 0, lockedUntil: null }),
      expect.objectContaining({ status: 'pending', attempts: 0, lockedUntil: null }),
    ]);
    expect(await deliverDueMessages({ outbox: repo, bot, clock: () => t0, publicUrl: undefined })).toMatchObject({ sent: 2 });
  });
});
