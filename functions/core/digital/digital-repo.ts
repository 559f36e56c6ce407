import type { OrderStatus } from '../orders/order-status';
import type { DigitalContent, DigitalContentKind, DigitalDelivery, DigitalFile } from './digital-content';
import type { KeyPoolCounts } from './license-key-pool';

/** One variant's key pool as the merchant sees it. */
export interface KeyPool extends KeyPoolCounts {
  variantId: string;
  /** "M / Black"; '' for a product without options. */
  variantLabel: string;
}

/** A digital product's content and pools, for the admin. */
export interface DigitalContentView {
  content: DigitalContent | null;
  pools: KeyPool[];
}

export type DigitalWriteResult =
  | { kind: 'ok'; view: DigitalContentView }
  | { kind: 'product_not_found' }
  | { kind: 'not_digital' }
  /** The keys named a variant of another product (or none), or the product has several and none was named. */
  | { kind: 'variant_not_found' };

/** Digital content and license keys over storage: adapters/db/digital-repo.ts. */
export interface DigitalRepo {
  readContent(productId: string): Promise<DigitalWriteResult>;
  /**
   * Sets what the product hands over. `license_keys` makes its variants' stock their available keys from
   * now on; `file` keeps the file already uploaded, if any, until a new one comes.
   */
  setContent(
    productId: string,
    content: { kind: Exclude<DigitalContentKind, 'file'>; text?: string } | { kind: 'file'; file?: DigitalFile },
    now: Date,
  ): Promise<DigitalWriteResult>;
  /**
   * Adds keys to a variant's pool (the product's only variant when `variantId` is null), makes the
   * product's content `license_keys`, and sets the variant's stock to its available keys. A key already
   * in the pool is skipped: `added` counts the new ones.
   */
  addKeys(productId: string, variantId: string | null, keys: readonly string[], now: Date): Promise<DigitalWriteResult & { added?: number }>;
  /** What a customer's order hands over, when it is paid (the caller checks), by product. */
  deliveriesOf(orderId: string): Promise<DigitalDelivery[]>;
  /** The file a download link names, with whose order it is and the order's status; null when none. */
  findDownload(orderId: string, productId: string): Promise<{ customerId: string; status: OrderStatus; file: DigitalFile } | null>;
}
