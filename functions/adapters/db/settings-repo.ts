import { eq, inArray } from 'drizzle-orm';
import { readShopSettings, type ShopSettings } from '../../core/admin/shop-settings';
import { DELIVERY_SETTINGS_KEY, deliverySettingsToJson, readDeliverySettings, type DeliverySettings } from '../../core/delivery/delivery-methods';
import type { Db, DbExecutor } from './connect';
import { shopSettings } from './schema';

const SHOP_KEY = 'shop';

/** The shop's settings document (shop_settings key `shop`), edited by the merchant. */
export function createSettingsRepo(db: Db, defaults: { shopName: string }) {
  return {
    /** The saved settings, with defaults (SHOP_NAME, every language) for anything not saved yet. */
    async readShop(): Promise<ShopSettings> {
      return readShopSettings(await readSetting(db, SHOP_KEY), defaults.shopName);
    },
    async writeShop(settings: ShopSettings, now: Date): Promise<ShopSettings> {
      await writeSetting(db, SHOP_KEY, settings, now);
      return readShopSettings(settings, defaults.shopName);
    },
    /** The delivery methods (core/delivery/delivery-methods.ts); none until the merchant sets some up. */
    async readDelivery(): Promise<DeliverySettings> {
      return readDeliverySettings(await readSetting(db, DELIVERY_SETTINGS_KEY));
    },
    async writeDelivery(settings: DeliverySettings, now: Date): Promise<DeliverySettings> {
      // Stored as JSON (money as decimal strings), read back through the same schema every checkout uses.
      await writeSetting(db, DELIVERY_SETTINGS_KEY, deliverySettingsToJson(settings), now);
      return settings;
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;

/** One settings document, or undefined when never written. */
export async function readSetting(db: DbExecutor, key: string): Promise<unknown> {
  const [row] = await db.select({ value: shopSettings.value }).from(shopSettings).where(eq(shopSettings.key, key));
  return row?.value;
}

/** Several settings documents in one statement: each key's value, or undefined when never written. */
export async function readSettings<K extends string>(db: DbExecutor, keys: readonly K[]): Promise<Record<K, unknown>> {
  const rows = await db
    .select({ key: shopSettings.key, value: shopSettings.value })
    .from(shopSettings)
    .where(inArray(shopSettings.key, [...keys]));
  const values = Object.fromEntries(keys.map((key) => [key, undefined])) as Record<K, unknown>;
  for (const row of rows) values[row.key as K] = row.value;
  return values;
}

/** Writes (replaces) one settings document. */
export async function writeSetting(db: DbExecutor, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(shopSettings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: shopSettings.key, set: { value, updatedAt: now } });
}
