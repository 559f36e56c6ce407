import { describe, expect, it } from 'vitest';
import {
  checkCanSubscribe,
  isOnSaleAgain,
  StockAlertInStockError,
  StockAlertNoChatError,
  StockAlertVariantNotFoundError,
} from '../../../functions/core/reminders/back-in-stock';

const soldOut = { variantId: 'v1', productId: 'p1', stock: 0, active: true, productActive: true };

describe('isOnSaleAgain', () => {
  it.each([
    ['on the shelf, variant and product on sale', { stock: 3, active: true, productActive: true }, true],
    ['still sold out', { stock: 0, active: true, productActive: true }, false],
    ['stocked but the variant is off sale', { stock: 3, active: false, productActive: true }, false],
    ['stocked but the product is off sale', { stock: 3, active: true, productActive: false }, false],
  ])('%s: %s', (_name, variant, expected) => {
    expect(isOnSaleAgain(variant)).toBe(expected);
  });
});

describe('checkCanSubscribe', () => {
  it('takes a sold-out variant of a product on sale, for a customer the bot can write to', () => {
    expect(checkCanSubscribe(soldOut, { telegramId: '42' }, 'v1')).toBe(soldOut);
  });

  it('refuses a variant in stock, one that does not exist or is off sale, and a customer without Telegram', () => {
    expect(() => checkCanSubscribe({ ...soldOut, stock: 1 }, { telegramId: '42' }, 'v1')).toThrow(StockAlertInStockError);
    expect(() => checkCanSubscribe(null, { telegramId: '42' }, 'v1')).toThrow(StockAlertVariantNotFoundError);
    expect(() => checkCanSubscribe({ ...soldOut, active: false }, { telegramId: '42' }, 'v1')).toThrow(StockAlertVariantNotFoundError);
    expect(() => checkCanSubscribe({ ...soldOut, productActive: false }, { telegramId: '42' }, 'v1')).toThrow(StockAlertVariantNotFoundError);
    expect(() => checkCanSubscribe(soldOut, { telegramId: null }, 'v1')).toThrow(StockAlertNoChatError);
  });

  it('names each refusal with a stable code and kind', () => {
    expect(new StockAlertInStockError()).toMatchObject({ kind: 'conflict', code: 'VARIANT_IN_STOCK' });
    expect(new StockAlertVariantNotFoundError('v1')).toMatchObject({ kind: 'not_found', code: 'VARIANT_NOT_FOUND' });
    expect(new StockAlertNoChatError()).toMatchObject({ kind: 'conflict', code: 'NO_TELEGRAM_CHAT' });
  });
});
