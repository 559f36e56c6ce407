import { RateLimitedError } from '../domain-error';

/**
 * How much one customer may hold at once. Sign-in costs nothing (a Telegram account, or any TON wallet's
 * ton_proof), and every open order keeps units off the shelf until it is paid or expires: without a cap,
 * a few requests would reserve a whole shop's stock.
 */
export const CUSTOMER_ORDER_LIMITS = {
  /** Orders awaiting payment (pending or confirming) at one time. */
  maxOpenOrders: 5,
  /** Orders created within `windowSeconds`. */
  maxOrdersPerWindow: 10,
  windowSeconds: 10 * 60,
} as const;

/** The customer holds the most orders awaiting payment they may: pay or let one expire first. */
export class TooManyOpenOrdersError extends RateLimitedError {
  constructor(maxOpenOrders: number, retryAfterSeconds: number) {
    super(
      'TOO_MANY_OPEN_ORDERS',
      `You already have ${maxOpenOrders} orders waiting for payment. Pay one of them from My orders, or wait until one expires.`,
      retryAfterSeconds,
    );
  }
}

/** The customer created orders faster than anyone shopping does. */
export class OrderRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('ORDER_RATE_LIMITED', `Too many new orders in a short time. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, retryAfterSeconds);
  }
}

/**
 * Refuses a new order when the customer is at a limit. `openOrderExpiries`: when each of the customer's
 * open orders runs out; `recentCreatedAt`: when each order they made within the window was created.
 * @throws TooManyOpenOrdersError, OrderRateLimitedError
 */
export function checkCustomerOrderLimits(input: { openOrderExpiries: readonly Date[]; recentCreatedAt: readonly Date[]; now: Date }): void {
  const { now } = input;
  const limits = CUSTOMER_ORDER_LIMITS;
  if (input.openOrderExpiries.length >= limits.maxOpenOrders) {
    const soonest = Math.min(...input.openOrderExpiries.map((d) => d.getTime()));
    throw new TooManyOpenOrdersError(limits.maxOpenOrders, Math.max(1, (soonest - now.getTime()) / 1000));
  }
  const windowStart = now.getTime() - limits.windowSeconds * 1000;
  const inWindow = input.recentCreatedAt.map((d) => d.getTime()).filter((t) => t > windowStart);
  if (inWindow.length >= limits.maxOrdersPerWindow) {
    // A slot frees when the oldest of them leaves the window.
    const oldest = Math.min(...inWindow);
    throw new OrderRateLimitedError(Math.max(1, (oldest + limits.windowSeconds * 1000 - now.getTime()) / 1000));
  }
}
