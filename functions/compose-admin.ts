import { createDatabaseBlobStore } from './adapters/blob/database-blob-store';
import { createAdminOrderRepo } from './adapters/db/admin-order-repo';
import { createAdminPaymentRepo } from './adapters/db/admin-payment-repo';
import { createAnnouncementRepo } from './adapters/db/announcement-repo';
import { createCategoryAdminRepo } from './adapters/db/category-admin-repo';
import { createChannelPostRepo } from './adapters/db/channel-post-repo';
import type { Db } from './adapters/db/connect';
import { createDigitalRepo } from './adapters/db/digital-repo';
import { createExportRepo } from './adapters/db/export-repo';
import { createStarsRefundRepo } from './adapters/db/stars-refund-repo';
import { createRefundRepo, type RefundWallet } from './adapters/db/refund-repo';
import { createImportRepo } from './adapters/db/import-repo';
import { createProductAdminRepo } from './adapters/db/product-admin-repo';
import { createPromoCodeRepo } from './adapters/db/promo-code-repo';
import { createSalesRepo } from './adapters/db/sales-repo';
import { createSettingsRepo } from './adapters/db/settings-repo';
import type { AdminContext } from './api/admin/admin-context';
import type { BlobStore } from './core/media/blob-store';
import type { PricingCurrency } from './core/pricing/currencies';

/** The merchant's side of the app over one database (part of composeAppDeps). */
export function composeAdminContext(
  db: Db,
  input: { shopName: string; pricingCurrency: PricingCurrency; blobs: BlobStore | undefined; clock: () => Date; refundWallet: RefundWallet },
): AdminContext {
  const currency = input.pricingCurrency;
  return {
    pricingCurrency: currency,
    orders: createAdminOrderRepo(db),
    products: createProductAdminRepo(db, { currency }),
    categories: createCategoryAdminRepo(db),
    settings: createSettingsRepo(db, { shopName: input.shopName }),
    sales: createSalesRepo(db),
    exports: createExportRepo(db),
    imports: createImportRepo(db, { currency }),
    payments: createAdminPaymentRepo(db),
    promos: createPromoCodeRepo(db, { currency }),
    channelPosts: createChannelPostRepo(db),
    announcements: createAnnouncementRepo(db),
    digital: createDigitalRepo(db),
    starsRefunds: createStarsRefundRepo(db),
    refunds: createRefundRepo(db, input.refundWallet),
    // The database store works on every platform; the Node server passes a folder store (BLOB_STORE=folder).
    blobs: input.blobs ?? createDatabaseBlobStore(db, input.clock),
  };
}
