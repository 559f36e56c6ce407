// The amounts in each accepted asset and the choice between them, rendered to static HTML in Node.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssetQuote } from '../../../src/domain/types';
import { en } from '../../../src/i18n/en';
import { fa } from '../../../src/i18n/fa';
import { setMessages } from '../../../src/i18n/i18n';
import { AssetChoice } from '../../../src/ui/asset-choice';
import { formatAssetAmount } from '../../../src/ui/asset-amount';

afterEach(() => setMessages('en', en));

const at = '2026-12-04T02:00:00.000Z';
const TON: AssetQuote = { asset: 'TON', amount: '7200000000', rate: null, source: 'same currency', fetchedAt: at, lockedUntil: at };
const USDT: AssetQuote = { asset: 'USDT', amount: '36000001', rate: '1/5', source: 'dev', fetchedAt: at, lockedUntil: at };
const choice = (quotes: AssetQuote[], chosen: 'TON' | 'USDT' | null = 'TON') =>
  renderToStaticMarkup(<AssetChoice name="asset" quotes={quotes} chosen={chosen} onChoose={() => {}} />);

describe('formatAssetAmount', () => {
  it('writes every digit of the quote: 9 for TON, 6 for USDT', () => {
    expect(formatAssetAmount(TON)).toBe('7.2 TON');
    expect(formatAssetAmount(USDT)).toBe('36.000001 USDT');
    expect(formatAssetAmount({ asset: 'USDT', amount: '36000000' })).toBe('36 USDT');
  });
});

describe('AssetChoice', () => {
  it('offers each accepted asset with its amount as a labelled radio group, the chosen one checked', () => {
    const html = choice([TON, USDT], 'USDT');
    expect(html).toMatch(/<fieldset[^>]*data-testid="asset-choice"/);
    expect(html).toContain('<legend class="field__label">Pay in</legend>');
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('checked="" value="USDT"');
    expect(html).not.toContain('checked="" value="TON"');
    expect(html).toContain('7.2 TON');
    expect(html).toContain('36.000001 USDT');
  });
  it('shows no choice for one accepted asset: nothing more for TON, the amount for USDT', () => {
    expect(choice([TON])).toBe('');
    const html = choice([USDT], 'USDT');
    expect(html).not.toContain('type="radio"');
    expect(html).toContain('To pay: 36.000001 USDT');
  });
  it('writes the amounts in Persian digits in Persian, isolated from the right-to-left text', async () => {
    setMessages('fa', fa);
    // The orders catalog's Persian half is a chunk of its own, fetched when the locale switches.
    await vi.waitFor(() => expect(choice([TON, USDT])).toContain('پرداخت با'));
    const html = choice([TON, USDT]);
    expect(html).toContain('۷٫۲ TON');
    expect(html).toContain('<span class="money" data-testid="asset-option-amount">۷٫۲ TON</span>');
  });
});
