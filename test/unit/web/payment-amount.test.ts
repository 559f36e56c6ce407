import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { ru } from '../../../src/i18n/ru';
import { setMessages } from '../../../src/i18n/i18n';
import { formatPaymentAmount } from '../../../src/ui/format-price';

afterEach(() => setMessages('en', en));

describe('formatPaymentAmount: a recorded payment in the asset it came in', () => {
  it('shows nanotons as TON and micro-USDT (6 decimals) as USDT, exactly', () => {
    expect(formatPaymentAmount('7200000000', 'TON')).toBe('7.2 TON');
    expect(formatPaymentAmount('7200000000', undefined)).toBe('7.2 TON');
    expect(formatPaymentAmount('36000000', 'USDT')).toBe('36 USDT');
    expect(formatPaymentAmount('35820001', 'USDT')).toBe('35.820001 USDT');
    expect(formatPaymentAmount('1', 'USDT')).toBe('0.000001 USDT');
  });

  it('in the active locale', () => {
    setMessages('ru', ru);
    expect(formatPaymentAmount('35820000', 'USDT')).toBe('35,82 USDT');
  });
});
