/**
 * Upper bounds on what a merchant can enter, chosen so that every sum the shop computes stays inside its
 * database column: stock is a 32-bit `integer`, money a 64-bit `bigint`.
 *
 * - Stock: at most MAX_STOCK units. Units put back on expiry or cancel saturate at the bound, so stock
 *   never reaches int32's 2,147,483,647 (reserved units of open orders included).
 * - Price: at most MAX_PRICE_MINOR = 10^15 of the currency's smallest unit, whatever the currency:
 *   1,000,000 TON (9 minor digits), 10^9 USDT (6), 10^13 dollars, euros or roubles (2), 10^15 rials (0).
 *   The largest order, 50 lines of 99 units at that price, is 4.95e18 minor units, inside int64 (9.22e18)
 *   with room for fees.
 */
export const MAX_STOCK = 1_000_000_000;
export const MAX_PRICE_MINOR = 1_000_000n * 1_000_000_000n;

/**
 * The highest price in Stars a product can have. 50 lines of 99 units at this price are 495,000,000 Stars,
 * inside the 32-bit `integer` an order's Stars total is kept in.
 */
export const MAX_PRICE_STARS = 100_000;
