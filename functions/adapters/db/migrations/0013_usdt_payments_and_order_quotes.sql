CREATE TABLE "order_quotes" (
	"order_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"amount" numeric(40, 0) NOT NULL,
	"rate" text,
	"source" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	CONSTRAINT "order_quotes_order_id_asset_pk" PRIMARY KEY("order_id","asset"),
	CONSTRAINT "order_quotes_asset_known" CHECK (asset in ('TON', 'USDT')),
	CONSTRAINT "order_quotes_amount_positive" CHECK ("order_quotes"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "asset" text DEFAULT 'TON' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_quotes" ADD CONSTRAINT "order_quotes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_asset_known" CHECK (asset in ('TON', 'USDT'));