import type { ProductKind } from '../catalog/catalog';
import { StarsDigitalOnlyError, StarsPriceMissingError } from './stars-errors';

/** One line of an order as pricing in Stars sees it: what the product is and its price in Stars now. */
export interface StarsLine {
  title: string;
  kind: ProductKind;
  /** Whole Stars per unit; null when the merchant sells the product for TON only. */
  priceStars: number | null;
  quantity: number;
}

/**
 * The order's price in Stars: the sum of each line's Stars price times its quantity, integers throughout
 * (XTR has no fractions). Throws StarsDigitalOnlyError when a line is physical and StarsPriceMissingError
 * naming the lines without a Stars price. The TON total (with its discount and delivery fee) plays no part:
 * a digital order has no delivery, and a Stars price is the merchant's own figure, not a conversion.
 */
export function starsTotal(lines: readonly StarsLine[]): number {
  if (lines.length === 0 || lines.some((line) => line.kind !== 'digital')) throw new StarsDigitalOnlyError();
  const unpriced = lines.filter((line) => line.priceStars === null);
  if (unpriced.length > 0) throw new StarsPriceMissingError(unpriced.map((line) => line.title));
  return lines.reduce((sum, line) => sum + line.priceStars! * line.quantity, 0);
}
