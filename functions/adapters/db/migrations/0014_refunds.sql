CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"amount" numeric(40, 0) NOT NULL,
	"recipient" text NOT NULL,
	"status" text NOT NULL,
	"valid_until" bigint NOT NULL,
	"message_hash" text,
	"boc" text,
	"transaction_hash" text,
	"scan_from_lt" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "refunds_message_hash_unique" UNIQUE("message_hash"),
	CONSTRAINT "refunds_transaction_hash_unique" UNIQUE("transaction_hash"),
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0),
	CONSTRAINT "refunds_status_known" CHECK (status in ('requested', 'sent', 'confirmed', 'lapsed')),
	CONSTRAINT "refunds_asset_known" CHECK (asset in ('TON', 'USDT')),
	CONSTRAINT "refunds_sent_has_hash" CHECK ("refunds"."status" <> 'sent' or "refunds"."message_hash" is not null),
	CONSTRAINT "refunds_confirmed_has_tx" CHECK ("refunds"."status" <> 'confirmed' or "refunds"."transaction_hash" is not null)
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "refunds_status_idx" ON "refunds" USING btree ("status");