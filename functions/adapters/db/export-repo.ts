import { asc, eq } from 'drizzle-orm';
import { catalogVariants } from '../../core/admin/catalog-records';
import type { ExportedCategory, ExportedCustomer, ExportedOrder, ExportedProduct, ExportedRefund } from '../../core/admin/export-records';
import type { Db } from './connect';
import { categories, customers, orderItems, orders, productVariants, products, refunds } from './schema';

/** Everything a merchant takes with them: catalog, orders, customers, read in full. */
export function createExportRepo(db: Db) {
  return {
    async loadCatalog(): Promise<{ categories: ExportedCategory[]; products: ExportedProduct[] }> {
      const [categoryRows, productRows, variantRows] = await Promise.all([
        db.select().from(categories).orderBy(asc(categories.position), asc(categories.slug)),
        db.select().from(products).orderBy(asc(products.createdAt), asc(products.slug)),
        // Every variant at once (not `where product_id in (…)`: a big catalog has more than a query's parameters).
        db.select().from(productVariants).orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id)),
      ]);
      const variantsByProduct = new Map<string, (typeof variantRows)[number][]>();
      for (const variant of variantRows) variantsByProduct.set(variant.productId, [...(variantsByProduct.get(variant.productId) ?? []), variant]);
      const slugById = new Map(categoryRows.map((c) => [c.id, c.slug]));
      return {
        categories: categoryRows.map((c) => ({ id: c.id, slug: c.slug, title: c.title, position: c.position })),
        products: productRows.map((p) => ({
          id: p.id,
          slug: p.slug,
          title: p.title,
          description: p.description,
          currency: p.currency,
          priceMinor: p.priceMinor,
          compareAtPriceMinor: p.compareAtPriceMinor,
          active: p.active,
          kind: p.kind,
          options: p.options,
          // Not the switched-off leftovers of options the product had before: see catalogVariants.
          variants: catalogVariants(p.options, variantsByProduct.get(p.id) ?? []).map((v) => ({
            optionValues: v.optionValues,
            sku: v.sku,
            priceMinor: v.priceMinor,
            stock: v.stock,
            image: v.image,
            active: v.active,
          })),
          category: p.categoryId ? (slugById.get(p.categoryId) ?? null) : null,
          images: p.images,
          translations: p.translations,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
        })),
      };
    },

    /** Every order, newest first, with its lines and its customer's ids. */
    async loadOrders(): Promise<ExportedOrder[]> {
      const rows = await db
        .select({ order: orders, customerTelegramId: customers.telegramId })
        .from(orders)
        .innerJoin(customers, eq(customers.id, orders.customerId))
        .orderBy(asc(orders.createdAt), asc(orders.id));
      // Every line at once (not `where order_id in (…)`: a big shop has more orders than a query has parameters).
      const lines = await db.select().from(orderItems).orderBy(asc(orderItems.orderId), asc(orderItems.position));
      const linesByOrder = new Map<string, (typeof lines)[number][]>();
      for (const line of lines) {
        const list = linesByOrder.get(line.orderId);
        if (list) list.push(line);
        else linesByOrder.set(line.orderId, [line]);
      }
      const refundRows = await db.select().from(refunds).orderBy(asc(refunds.orderId), asc(refunds.createdAt), asc(refunds.id));
      const refundsByOrder = new Map<string, ExportedRefund[]>();
      for (const r of refundRows) {
        const refund = {
          asset: r.asset,
          amount: r.amount,
          status: r.status,
          messageHash: r.messageHash,
          transactionHash: r.transactionHash,
          createdAt: r.createdAt,
        };
        refundsByOrder.set(r.orderId, [...(refundsByOrder.get(r.orderId) ?? []), refund]);
      }
      return rows.map(({ order, customerTelegramId }) => ({
        id: order.id,
        code: order.code,
        status: order.status,
        currency: order.currency,
        subtotalMinor: order.subtotalMinor,
        discountMinor: order.discountMinor,
        deliveryFeeMinor: order.deliveryFeeMinor,
        totalMinor: order.totalMinor,
        delivery: order.delivery,
        note: order.note,
        promoCode: order.promoCode,
        createdAt: order.createdAt,
        paidAt: order.paidAt,
        customerId: order.customerId,
        customerTelegramId,
        items: (linesByOrder.get(order.id) ?? []).map((line) => ({
          productId: line.productId,
          variantId: line.variantId,
          slug: line.slug,
          title: line.title,
          variantLabel: line.variantLabel,
          sku: line.sku,
          unitPriceMinor: line.unitPriceMinor,
          quantity: line.quantity,
          lineTotalMinor: line.lineTotalMinor,
        })),
        refunds: refundsByOrder.get(order.id) ?? [],
      }));
    },

    async loadCustomers(): Promise<ExportedCustomer[]> {
      const rows = await db.select().from(customers).orderBy(asc(customers.createdAt), asc(customers.id));
      return rows.map((c) => ({
        id: c.id,
        telegramId: c.telegramId,
        firstName: c.firstName,
        lastName: c.lastName,
        username: c.username,
        languageCode: c.languageCode,
        walletAddress: c.walletAddress,
        createdAt: c.createdAt,
      }));
    },
  };
}

export type ExportRepo = ReturnType<typeof createExportRepo>;
