CREATE TABLE "star_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"telegram_payment_charge_id" text NOT NULL,
	"order_id" uuid,
	"invoice_payload" text NOT NULL,
	"amount_stars" integer NOT NULL,
	"payer_telegram_id" bigint NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"source" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "star_payments_telegram_payment_charge_id_unique" UNIQUE("telegram_payment_charge_id"),
	CONSTRAINT "star_payments_amount_positive" CHECK ("star_payments"."amount_stars" > 0),
	CONSTRAINT "star_payments_status_known" CHECK (status in ('credited', 'refunded_duplicate', 'refunded'))
);
--> statement-breakpoint
CREATE TABLE "star_transaction_cursors" (
	"bot" text PRIMARY KEY NOT NULL,
	"transactions_read" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "total_stars" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "price_stars" integer;--> statement-breakpoint
ALTER TABLE "star_payments" ADD CONSTRAINT "star_payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "star_payments_order_idx" ON "star_payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "star_payments_one_credited_per_order" ON "star_payments" USING btree ("order_id") WHERE status = 'credited';--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_stars_positive" CHECK ("orders"."total_stars" is null or "orders"."total_stars" > 0);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_price_stars_bounded" CHECK (price_stars is null or (price_stars > 0 and price_stars <= 100000));