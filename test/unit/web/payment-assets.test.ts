import { describe, expect, it } from 'vitest';
import { chooseAsset, offersAssetChoice, quoteOf, quotesToShow } from '../../../src/domain/payment-assets';
import type { AssetQuote } from '../../../src/domain/types';

const quote = (asset: string, amount: string): AssetQuote =>
  ({ asset, amount, rate: null, source: 'same currency', fetchedAt: '2026-12-04T02:00:00.000Z', lockedUntil: '2026-12-04T02:15:00.000Z' }) as AssetQuote;
const TON = quote('TON', '7200000000');
const USDT = quote('USDT', '36000000');

describe('quotesToShow: the quotes a customer can pay in', () => {
  it.each([
    ['TON first, whatever order the server sent them in', [USDT, TON], ['TON', 'USDT']],
    ['one asset alone', [USDT], ['USDT']],
    ['nothing for an order placed before quotes were stored', [], []],
    ['nothing when the field is absent (an older server)', undefined, []],
    ['not an asset this build cannot pay in', [TON, quote('NOT', '1')], ['TON']],
    ['the first quote of an asset quoted twice', [USDT, quote('USDT', '1'), TON], ['TON', 'USDT']],
  ])('shows %s', (_, quotes, assets) => {
    expect(quotesToShow(quotes).map((q) => q.asset)).toEqual(assets);
  });
  it('keeps each quote as the server sent it', () => {
    expect(quotesToShow([USDT, TON])).toEqual([TON, USDT]);
  });
});

describe('offersAssetChoice: a choice only when there is one to make', () => {
  it.each([
    [[TON, USDT], true],
    [[TON], false],
    [[USDT], false],
    [[], false],
    [undefined, false],
  ])('%j → %s', (quotes, offered) => {
    expect(offersAssetChoice(quotes)).toBe(offered);
  });
});

describe('chooseAsset: what the order is paid in', () => {
  it.each([
    ['TON by default when both are quoted', [TON, USDT], null, 'TON'],
    ['the customer’s choice when the order is quoted in it', [TON, USDT], 'USDT', 'USDT'],
    ['TON when the chosen asset is not quoted for this order', [TON], 'USDT', 'TON'],
    ['the one asset of a USDT-only shop, whatever was chosen before', [USDT], 'TON', 'USDT'],
    ['nothing for an order without quotes (paid from its TON intent)', [], 'USDT', null],
  ] as const)('%s', (_, quotes, preferred, chosen) => {
    expect(chooseAsset(quotes, preferred)).toBe(chosen);
  });
});

describe('quoteOf', () => {
  it('finds the chosen asset’s quote, or none', () => {
    expect(quoteOf([TON, USDT], 'USDT')).toBe(USDT);
    expect(quoteOf([TON], 'USDT')).toBeNull();
    expect(quoteOf([TON, USDT], null)).toBeNull();
  });
});
