import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DigitalDelivery } from '../../core/digital/digital-content';
import type { DbExecutor } from './connect';
import { digitalContents, licenseKeys, orderItems, products } from './schema';

/**
 * What each paid digital line of the given orders hands over, keyed `<orderId>:<productId>`, in a fixed
 * number of queries: the product's file or text as the merchant set it now, or the keys sold to that
 * order (revoked ones are not shown). Read by the outbox when it sends a delivery and by My orders. A
 * product without content, or a file not uploaded yet, has no entry. Callers check that the order is paid.
 */
export async function loadDigitalDeliveries(db: DbExecutor, orderIds: readonly string[]): Promise<Map<string, DigitalDelivery>> {
  const result = new Map<string, DigitalDelivery>();
  if (orderIds.length === 0) return result;
  const ids = [...new Set(orderIds)];
  const lines = await db
    .selectDistinct({ orderId: orderItems.orderId, productId: orderItems.productId, title: orderItems.title, content: digitalContents })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .innerJoin(digitalContents, eq(digitalContents.productId, orderItems.productId))
    .where(and(inArray(orderItems.orderId, ids), eq(products.kind, 'digital')));
  const keyRows = lines.some((line) => line.content.kind === 'license_keys')
    ? await db
        .select({ orderId: licenseKeys.orderId, key: licenseKeys.key, productId: orderItems.productId })
        .from(licenseKeys)
        .innerJoin(orderItems, and(eq(orderItems.orderId, licenseKeys.orderId), eq(orderItems.variantId, licenseKeys.variantId)))
        .where(and(inArray(licenseKeys.orderId, ids), eq(licenseKeys.status, 'sold')))
        .orderBy(asc(licenseKeys.createdAt), asc(licenseKeys.id))
    : [];
  for (const { orderId, productId, title, content } of lines) {
    const id = `${orderId}:${productId}`;
    if (result.has(id)) continue;
    if (content.kind === 'text' && content.text) result.set(id, { kind: 'text', productId, title, text: content.text });
    if (content.kind === 'file' && content.fileKey && content.fileName && content.fileContentType) {
      result.set(id, {
        kind: 'file',
        productId,
        title,
        file: { blobKey: content.fileKey, fileName: content.fileName, contentType: content.fileContentType, sizeBytes: content.fileSizeBytes ?? 0 },
      });
    }
    if (content.kind === 'license_keys') {
      const keys = [...new Set(keyRows.filter((row) => row.orderId === orderId && row.productId === productId).map((row) => row.key))];
      if (keys.length > 0) result.set(id, { kind: 'license_keys', productId, title, keys });
    }
  }
  return result;
}
