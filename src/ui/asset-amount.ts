// A quote's amount for people. Only lazily loaded screens import this (the checkout form, the payment
// panel): contract/format-money.ts stays off the first screen (budget: bench/bundle-size.mjs).
import type { AssetQuote } from '../domain/types';
import { formatPrice } from './format-price';

/** "7.2 TON", "36 USDT", "۳۶ USDT": exact from the quote's smallest units (9 digits for TON, 6 for USDT). */
export const formatAssetAmount = (quote: Pick<AssetQuote, 'amount' | 'asset'>): string => formatPrice(quote.amount, quote.asset);
