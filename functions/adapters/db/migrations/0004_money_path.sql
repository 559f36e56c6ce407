ALTER TABLE "payments" ALTER COLUMN "amount_nano" SET DATA TYPE numeric(40, 0);--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "overpayment_nano" SET DATA TYPE numeric(40, 0);--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "overpayment_nano" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "chain_cursors" ADD COLUMN "head_read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "comment_raw_hex" text;--> statement-breakpoint
-- Stock and price bounds (core/catalog/product-limits.ts). Rows from before are brought inside them
-- first: stock saturates at the bound; a price above 1,000,000 TON cannot be ordered (its total would not
-- fit the order's column), so such a product is capped and taken off sale for the merchant to review.
UPDATE "products" SET "stock" = 1000000000 WHERE "stock" > 1000000000;--> statement-breakpoint
UPDATE "products" SET "price_nano" = 1000000000000000, "active" = false WHERE "price_nano" > 1000000000000000;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_stock_bounded" CHECK (stock <= 1000000000);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_price_bounded" CHECK (price_nano <= 1000000000000000);