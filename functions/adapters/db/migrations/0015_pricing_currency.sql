ALTER TABLE "order_items" RENAME COLUMN "unit_price_nano" TO "unit_price_minor";--> statement-breakpoint
ALTER TABLE "order_items" RENAME COLUMN "line_total_nano" TO "line_total_minor";--> statement-breakpoint
ALTER TABLE "orders" RENAME COLUMN "total_nano" TO "total_minor";--> statement-breakpoint
ALTER TABLE "orders" RENAME COLUMN "subtotal_nano" TO "subtotal_minor";--> statement-breakpoint
ALTER TABLE "orders" RENAME COLUMN "discount_nano" TO "discount_minor";--> statement-breakpoint
ALTER TABLE "orders" RENAME COLUMN "delivery_fee_nano" TO "delivery_fee_minor";--> statement-breakpoint
ALTER TABLE "product_variants" RENAME COLUMN "price_nano" TO "price_minor";--> statement-breakpoint
ALTER TABLE "products" RENAME COLUMN "price_nano" TO "price_minor";--> statement-breakpoint
ALTER TABLE "products" RENAME COLUMN "compare_at_price_nano" TO "compare_at_price_minor";--> statement-breakpoint
ALTER TABLE "promo_codes" RENAME COLUMN "min_subtotal_nano" TO "min_subtotal_minor";--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_total_positive";--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_total_adds_up";--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_discount_bounded";--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_delivery_fee_non_negative";--> statement-breakpoint
ALTER TABLE "product_variants" DROP CONSTRAINT "product_variants_price_bounded";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_price_positive";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_price_bounded";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "currency" text DEFAULT 'TON' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "currency" text DEFAULT 'TON' NOT NULL;--> statement-breakpoint
ALTER TABLE "promo_codes" ADD COLUMN "currency" text DEFAULT 'TON' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_currency_known" CHECK (currency in ('TON', 'USDT', 'USD', 'EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_positive" CHECK ("orders"."total_minor" > 0);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_adds_up" CHECK ("orders"."total_minor" = "orders"."subtotal_minor" - "orders"."discount_minor" + "orders"."delivery_fee_minor");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_discount_bounded" CHECK ("orders"."discount_minor" >= 0 and "orders"."discount_minor" <= "orders"."subtotal_minor");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_delivery_fee_non_negative" CHECK ("orders"."delivery_fee_minor" >= 0);--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_price_bounded" CHECK (price_minor is null or (price_minor > 0 and price_minor <= 1000000000000000));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_currency_known" CHECK (currency in ('TON', 'USDT', 'USD', 'EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_price_positive" CHECK ("products"."price_minor" > 0);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_price_bounded" CHECK (price_minor <= 1000000000000000);--> statement-breakpoint
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_currency_known" CHECK (currency in ('TON', 'USDT', 'USD', 'EUR', 'RUB', 'INR', 'AED', 'TRY', 'IRR'));