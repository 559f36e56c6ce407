CREATE TABLE "digital_contents" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_key" text,
	"file_name" text,
	"file_content_type" text,
	"file_size_bytes" integer,
	"text" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "digital_contents_kind_known" CHECK (kind in ('file', 'license_keys', 'text'))
);
--> statement-breakpoint
CREATE TABLE "license_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"order_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "license_keys_status_known" CHECK (status in ('available', 'reserved', 'sold', 'revoked')),
	CONSTRAINT "license_keys_order_iff_taken" CHECK (("license_keys"."status" = 'available') = ("license_keys"."order_id" is null))
);
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_status_known";--> statement-breakpoint
ALTER TABLE "digital_contents" ADD CONSTRAINT "digital_contents_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_keys" ADD CONSTRAINT "license_keys_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_keys" ADD CONSTRAINT "license_keys_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "license_keys_variant_key_unique" ON "license_keys" USING btree ("variant_id","key");--> statement-breakpoint
CREATE INDEX "license_keys_pool_idx" ON "license_keys" USING btree ("variant_id","status");--> statement-breakpoint
CREATE INDEX "license_keys_order_idx" ON "license_keys" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_status_known" CHECK (status in ('pending', 'confirming', 'paid', 'shipped', 'ready_for_pickup', 'completed', 'expired', 'cancelled', 'refunded'));