import { and, asc, eq, sql } from 'drizzle-orm';
import type { DigitalContent } from '../../core/digital/digital-content';
import type { DigitalContentView, DigitalRepo, DigitalWriteResult } from '../../core/digital/digital-repo';
import type { Db, DbExecutor } from './connect';
import { loadDigitalDeliveries } from './digital-deliveries';
import { syncKeyStock } from './license-key-store';
import { digitalContents, licenseKeys, orders, productVariants, products } from './schema';

/**
 * Digital content over Postgres. Key uploads lock the product's variants (in id order, as checkouts do)
 * before they touch the pool, so an upload and a checkout of the same variant queue, and the variant's
 * stock is its available keys when either commits.
 */
export function createDigitalRepo(db: Db): DigitalRepo {
  return {
    readContent: (productId) => db.transaction((tx) => withProduct(tx, productId, () => Promise.resolve())),

    setContent(productId, content, now) {
      return db.transaction((tx) =>
        withProduct(tx, productId, async (variantIds) => {
          const values = {
            kind: content.kind,
            text: content.kind === 'text' ? (content.text ?? '') : null,
            ...(content.kind === 'file' &&
              content.file && {
                fileKey: content.file.blobKey,
                fileName: content.file.fileName,
                fileContentType: content.file.contentType,
                fileSizeBytes: content.file.sizeBytes,
              }),
            updatedAt: now,
          };
          await tx
            .insert(digitalContents)
            .values({ productId, ...values })
            .onConflictDoUpdate({ target: digitalContents.productId, set: values });
          if (content.kind === 'license_keys') await syncKeyStock(tx, variantIds, now);
        }),
      );
    },

    async addKeys(productId, variantId, keys, now) {
      let added = 0;
      const result = await db.transaction((tx) =>
        withProduct(tx, productId, async (variantIds) => {
          const target = variantId ?? (variantIds.length === 1 ? variantIds[0]! : null);
          if (!target || !variantIds.includes(target)) return { kind: 'variant_not_found' as const };
          await tx
            .insert(digitalContents)
            .values({ productId, kind: 'license_keys', updatedAt: now })
            .onConflictDoUpdate({ target: digitalContents.productId, set: { kind: 'license_keys', updatedAt: now } });
          for (let i = 0; i < keys.length; i += 500) {
            const rows = await tx
              .insert(licenseKeys)
              .values(keys.slice(i, i + 500).map((key) => ({ variantId: target, key, status: 'available' as const, createdAt: now, updatedAt: now })))
              .onConflictDoNothing({ target: [licenseKeys.variantId, licenseKeys.key] })
              .returning({ id: licenseKeys.id });
            added += rows.length;
          }
          await syncKeyStock(tx, variantIds, now);
        }),
      );
      return result.kind === 'ok' ? { ...result, added } : result;
    },

    async deliveriesOf(orderId) {
      return [...(await loadDigitalDeliveries(db, [orderId])).values()];
    },

    async findDownload(orderId, productId) {
      const [row] = await db
        .select({ customerId: orders.customerId, status: orders.status, content: digitalContents })
        .from(orders)
        .innerJoin(digitalContents, eq(digitalContents.productId, productId))
        .where(and(eq(orders.id, orderId), sql`exists (select 1 from order_items i where i.order_id = ${orders.id} and i.product_id = ${productId}::uuid)`));
      const content = row?.content;
      if (!row || !content || content.kind !== 'file' || !content.fileKey || !content.fileName || !content.fileContentType) return null;
      return {
        customerId: row.customerId,
        status: row.status,
        file: { blobKey: content.fileKey, fileName: content.fileName, contentType: content.fileContentType, sizeBytes: content.fileSizeBytes ?? 0 },
      };
    },
  };
}

/**
 * Runs `write` for a digital product with its variants locked (id order), then reads the content back;
 * the write may refuse with a result of its own.
 */
async function withProduct(
  tx: DbExecutor,
  productId: string,
  write: (variantIds: string[]) => Promise<void | Exclude<DigitalWriteResult, { kind: 'ok' }>>,
): Promise<DigitalWriteResult> {
  const [product] = await tx.select({ kind: products.kind }).from(products).where(eq(products.id, productId));
  if (!product) return { kind: 'product_not_found' };
  if (product.kind !== 'digital') return { kind: 'not_digital' };
  const variants = await tx
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(eq(productVariants.productId, productId))
    .orderBy(asc(productVariants.id))
    .for('update');
  const refused = await write(variants.map((v) => v.id));
  if (refused) return refused;
  return { kind: 'ok', view: await readView(tx, productId) };
}

async function readView(tx: DbExecutor, productId: string): Promise<DigitalContentView> {
  const [row] = await tx.select().from(digitalContents).where(eq(digitalContents.productId, productId));
  const pools = await tx
    .select({
      variantId: productVariants.id,
      optionValues: productVariants.optionValues,
      available: sql<number>`count(${licenseKeys.id}) filter (where ${licenseKeys.status} = 'available')`.mapWith(Number),
      reserved: sql<number>`count(${licenseKeys.id}) filter (where ${licenseKeys.status} = 'reserved')`.mapWith(Number),
      sold: sql<number>`count(${licenseKeys.id}) filter (where ${licenseKeys.status} = 'sold')`.mapWith(Number),
      revoked: sql<number>`count(${licenseKeys.id}) filter (where ${licenseKeys.status} = 'revoked')`.mapWith(Number),
    })
    .from(productVariants)
    .leftJoin(licenseKeys, eq(licenseKeys.variantId, productVariants.id))
    .where(eq(productVariants.productId, productId))
    .groupBy(productVariants.id)
    .orderBy(asc(productVariants.position), asc(productVariants.id));
  return {
    content: row ? toContent(row) : null,
    pools: row?.kind === 'license_keys' ? pools.map(({ optionValues, ...counts }) => ({ ...counts, variantLabel: optionValues.join(' / ') })) : [],
  };
}

function toContent(row: typeof digitalContents.$inferSelect): DigitalContent {
  switch (row.kind) {
    case 'file':
      return {
        kind: 'file',
        file:
          row.fileKey && row.fileName && row.fileContentType
            ? { blobKey: row.fileKey, fileName: row.fileName, contentType: row.fileContentType, sizeBytes: row.fileSizeBytes ?? 0 }
            : null,
      };
    case 'license_keys':
      return { kind: 'license_keys' };
    case 'text':
      return { kind: 'text', text: row.text ?? '' };
  }
}
