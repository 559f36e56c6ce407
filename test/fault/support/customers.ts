import { nodeCrypto } from '../../../functions/adapters/crypto/node-crypto';
import { signInitData } from '../../../functions/core/init-data/sign-init-data';
import { after } from './fault-proxy';

/** What the shop answered the customers, by status: a 500 is a defect, a 503 must say when to retry. */
export interface AnswerLog {
  byStatus: Map<number, number>;
  /** Requests that got no HTTP answer at all (a dropped connection). */
  dropped: number;
  /** 5xx answers other than a 503 with Retry-After and a JSON error: what must never happen. */
  unhandled: { status: number; body: string; path: string }[];
}

export function createAnswerLog(): AnswerLog {
  return { byStatus: new Map(), dropped: 0, unhandled: [] };
}

export async function initDataFor(botToken: string, telegramId: number): Promise<string> {
  const initData = await signInitData({
    fields: {
      user: JSON.stringify({ id: telegramId, first_name: `Buyer ${telegramId}`, language_code: 'en' }),
      auth_date: String(Math.floor(Date.now() / 1000)),
    },
    botToken,
    crypto: nodeCrypto,
  });
  return `tma ${initData}`;
}

/**
 * A customer's app calling the shop: JSON POST, and on a 503 that says when (Retry-After), the same
 * request again after that long, up to `attempts` times, as the Mini App's client does. Every answer is
 * logged; the last one is returned.
 */
export async function postAsCustomer(
  log: AnswerLog,
  url: string,
  auth: string,
  body: unknown,
  attempts = 8,
): Promise<{ status: number; json: any } | { status: 0; json: null }> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch {
      log.dropped++;
      if (attempt >= attempts) return { status: 0, json: null };
      await after(500, undefined);
      continue;
    }
    const text = await res.text();
    log.byStatus.set(res.status, (log.byStatus.get(res.status) ?? 0) + 1);
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: counted below when it is a 5xx
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    const orderlyUnavailable = res.status === 503 && retryAfter > 0 && typeof json?.error?.code === 'string';
    if (res.status >= 500 && !orderlyUnavailable) log.unhandled.push({ status: res.status, body: text.slice(0, 300), path: new URL(url).pathname });
    if (!orderlyUnavailable || attempt >= attempts) return { status: res.status, json };
    await after(Math.min(retryAfter, 2) * 1000, undefined);
  }
}
