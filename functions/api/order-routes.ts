import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { OrderNotFoundError } from '../core/orders/errors';
import type { OrderRepo } from '../core/orders/order-repo';
import { ORDER_LIMITS } from '../core/orders/price-order';
import { readJsonBody } from '../http/read-json-body';
import type { CustomerVariables } from '../http/telegram-auth';
import { presentOrder } from './present';

// Only product ids and quantities are read. Anything else the client sends (a price, a total, a user
// id) is dropped by the schema: the server prices from the database and knows the user from initData.
const createOrderBody = z.object({
  items: z
    .array(
      z.object({
        productId: z.guid('productId must be a product id'),
        quantity: z
          .number('quantity must be a number')
          .int('quantity must be a whole number')
          .min(1, 'quantity must be at least 1')
          .max(ORDER_LIMITS.maxQuantityPerLine, `quantity must be at most ${ORDER_LIMITS.maxQuantityPerLine}`),
      }),
    )
    .min(1, 'the order has no items')
    .max(ORDER_LIMITS.maxLines, `an order can hold at most ${ORDER_LIMITS.maxLines} lines`),
});

const ORDER_ID = z.guid();
const MY_ORDERS_LIMIT = 50;

/** The signed-in customer's orders. */
export function orderRoutes(deps: {
  orders: OrderRepo;
  requireCustomer: MiddlewareHandler<{ Variables: CustomerVariables }>;
  clock: () => Date;
  orderTtlSeconds: number;
}) {
  const app = new Hono<{ Variables: CustomerVariables }>();
  app.use('*', deps.requireCustomer);
  // Release stock held by orders whose time ran out before anyone reads or reserves stock. It is one
  // indexed UPDATE that matches nothing almost always; the interval sweep does the rest.
  app.use('*', async (_c, next) => {
    await deps.orders.expireDueOrders(deps.clock());
    await next();
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c, createOrderBody);
    const order = await deps.orders.createOrder({
      customerId: c.get('customer').id,
      items: body.items,
      now: deps.clock(),
      ttlSeconds: deps.orderTtlSeconds,
    });
    return c.json(presentOrder(order), 201);
  });

  app.get('/', async (c) => {
    const orders = await deps.orders.listCustomerOrders(c.get('customer').id, MY_ORDERS_LIMIT);
    return c.json({ orders: orders.map(presentOrder) });
  });

  app.get('/:id', async (c) => {
    const id = ORDER_ID.safeParse(c.req.param('id'));
    const order = id.success ? await deps.orders.findCustomerOrder(c.get('customer').id, id.data) : null;
    if (!order) throw new OrderNotFoundError();
    return c.json(presentOrder(order));
  });

  return app;
}
