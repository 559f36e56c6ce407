-- Messenger ids become text (issue #16): other messengers with the Bot API shape need not use numbers.
ALTER TABLE "announcements" ALTER COLUMN "created_by" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "telegram_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "chat_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "star_payments" ALTER COLUMN "payer_telegram_id" SET DATA TYPE text;