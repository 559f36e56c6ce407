import { describe, expect, it } from 'vitest';
import type { ParsedTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { checkUsdtTransferPaysOrder, findUsdtTransferForOrder, type UsdtTransfer } from '../../../functions/core/payments/usdt-submission';
import type { AssetQuote } from '../../../functions/core/pricing/quote-order';

const MERCHANT = '0:' + 'aa'.repeat(32);
const CUSTOMER_JETTON_WALLET = '0:' + 'b1'.repeat(32);
const QUOTE: AssetQuote = { asset: 'USDT', amount: 36_000_000n, rate: '1/5', source: 'fixed', fetchedAt: 0, lockedUntil: 0 };
const ORDER = { code: 'ABCD2345', quotes: [QUOTE] };

const transfer = (changes: Partial<UsdtTransfer['jetton']> = {}, destination = CUSTOMER_JETTON_WALLET): UsdtTransfer => ({
  destination,
  valueNano: 50_000_000n,
  comment: null,
  bounce: true,
  jetton: { amount: 36_000_000n, owner: MERCHANT, comment: 'bz:ABCD2345', bodyHash: '00'.repeat(32), ...changes },
});
const boc = (...transfers: ParsedTransferBoc['transfers']): ParsedTransferBoc => ({
  walletAddress: '0:' + 'bb'.repeat(32),
  hashRaw: '00'.repeat(32),
  hashNorm: '11'.repeat(32),
  walletVersion: 'v5r1',
  seqno: 1,
  validUntil: 0,
  transfers,
});

describe('findUsdtTransferForOrder', () => {
  it("finds the jetton transfer to the merchant with the order's comment, and nothing in a plain TON transfer", () => {
    expect(findUsdtTransferForOrder(boc(transfer()), ORDER, MERCHANT)).toEqual(transfer());
    expect(findUsdtTransferForOrder(boc(transfer({ comment: 'bz:ZZZZ2345' })), ORDER, MERCHANT)).toBeNull();
    expect(findUsdtTransferForOrder(boc(transfer({ owner: '0:' + 'cc'.repeat(32) })), ORDER, MERCHANT)).toBeNull();
    expect(findUsdtTransferForOrder(boc({ destination: MERCHANT, valueNano: 1n, comment: 'bz:ABCD2345', bounce: false }), ORDER, MERCHANT)).toBeNull();
  });
});

describe('checkUsdtTransferPaysOrder', () => {
  const check =
    (t: UsdtTransfer, options: { wallet?: string | null; tolerance?: number; order?: typeof ORDER } = {}) =>
    () =>
      checkUsdtTransferPaysOrder({
        transfer: t,
        order: options.order ?? ORDER,
        customerJettonWallet: options.wallet === undefined ? CUSTOMER_JETTON_WALLET : options.wallet,
        toleranceBasisPoints: options.tolerance ?? 0,
      });

  it('accepts the quote through the customer’s own USDT wallet, and within the tolerance', () => {
    expect(check(transfer())).not.toThrow();
    expect(check(transfer({ amount: 35_640_000n }), { tolerance: 100 })).not.toThrow();
    // The indexer down: the wallet is not known, the message is taken on its word (only the notification pays).
    expect(check(transfer({}, '0:' + 'e1'.repeat(32)), { wallet: null })).not.toThrow();
  });

  it('refuses less than the quote, another jetton wallet, and an order with no USDT quote', () => {
    expect(check(transfer({ amount: 35_999_999n }))).toThrow(expect.objectContaining({ code: 'PAYMENT_AMOUNT_TOO_LOW' }));
    expect(check(transfer({}, '0:' + 'e1'.repeat(32)))).toThrow(expect.objectContaining({ code: 'PAYMENT_WRONG_DESTINATION' }));
    expect(check(transfer(), { order: { code: 'ABCD2345', quotes: [] } })).toThrow(expect.objectContaining({ code: 'ASSET_NOT_QUOTED' }));
  });
});
