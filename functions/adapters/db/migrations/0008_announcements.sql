CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"photo_url" text,
	"button_text" text,
	"button_url" text,
	"audience" jsonb NOT NULL,
	"recipients" integer NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "marketing_opted_out_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_sent_at_idx" ON "outbox_messages" USING btree ("sent_at");