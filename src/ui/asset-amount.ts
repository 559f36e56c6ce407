// A quote's amount for people. Only lazily loaded screens import this (the checkout form, the payment
// panel): contract/format-money.ts stays off the first screen (budget: bench/bundle-size.mjs).
import { formatMoneyInLocale } from '../../contract/format-money';
import type { AssetQuote } from '../domain/types';
import { currentLocale } from '../i18n/i18n';

/** "7.2 TON", "36 USDT", "۳۶ USDT": exact from the quote's smallest units (9 digits for TON, 6 for USDT). */
export const formatAssetAmount = (quote: Pick<AssetQuote, 'amount' | 'asset'>): string => formatMoneyInLocale(quote.amount, quote.asset, currentLocale());
