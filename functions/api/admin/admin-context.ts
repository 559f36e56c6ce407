import type { CustomerVariables } from '../../http/customer-auth';
import type { AdminOrderRepo } from '../../adapters/db/admin-order-repo';
import type { AdminPaymentRepo } from '../../adapters/db/admin-payment-repo';
import type { AnnouncementRepo } from '../../adapters/db/announcement-repo';
import type { CategoryAdminRepo } from '../../adapters/db/category-admin-repo';
import type { ChannelPostRepo } from '../../adapters/db/channel-post-repo';
import type { ExportRepo } from '../../adapters/db/export-repo';
import type { ImportRepo } from '../../adapters/db/import-repo';
import type { ProductAdminRepo } from '../../adapters/db/product-admin-repo';
import type { PromoCodeRepo } from '../../adapters/db/promo-code-repo';
import type { SalesRepo } from '../../adapters/db/sales-repo';
import type { SettingsRepo } from '../../adapters/db/settings-repo';
import type { StarsRefundRepo } from '../../adapters/db/stars-refund-repo';
import type { RefundRepo } from '../../adapters/db/refund-repo';
import type { DigitalRepo } from '../../core/digital/digital-repo';
import type { BlobStore } from '../../core/media/blob-store';
import type { PricingCurrency } from '../../core/pricing/currencies';

/** What the merchant's routes work with; built in functions/compose.ts. */
export interface AdminContext {
  /** PRICING_CURRENCY: what new products, promo codes and delivery fees are saved in. */
  pricingCurrency: PricingCurrency;
  orders: AdminOrderRepo;
  products: ProductAdminRepo;
  categories: CategoryAdminRepo;
  settings: SettingsRepo;
  sales: SalesRepo;
  exports: ExportRepo;
  imports: ImportRepo;
  payments: AdminPaymentRepo;
  promos: PromoCodeRepo;
  channelPosts: ChannelPostRepo;
  announcements: AnnouncementRepo;
  /** Digital products' files, texts and license-key pools. */
  digital: DigitalRepo;
  /** Refunds of orders paid in Telegram Stars. */
  starsRefunds: StarsRefundRepo;
  /** Refunds from the merchant's own wallet (TON Connect), confirmed from the chain. */
  refunds: RefundRepo;
  blobs: BlobStore;
}

/** The Hono environment of every admin route: the verified caller is on the context. */
export type AdminEnv = { Variables: CustomerVariables };
