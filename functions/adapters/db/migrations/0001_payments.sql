CREATE TABLE "chain_cursors" (
	"account" text PRIMARY KEY NOT NULL,
	"last_lt" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"wallet_address" text NOT NULL,
	"message_hash_raw" text NOT NULL,
	"message_hash_norm" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_submissions_message_hash_norm_unique" UNIQUE("message_hash_norm")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tx_hash" text NOT NULL,
	"tx_lt" bigint NOT NULL,
	"order_id" uuid,
	"payer_address" text,
	"amount_nano" bigint NOT NULL,
	"overpayment_nano" bigint DEFAULT 0 NOT NULL,
	"comment" text,
	"status" text NOT NULL,
	"reason" text,
	"chain_time" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_tx_hash_unique" UNIQUE("tx_hash")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_submissions" ADD CONSTRAINT "payment_submissions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_submissions_order_idx" ON "payment_submissions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_applied_per_order" ON "payments" USING btree ("order_id") WHERE status = 'applied';