CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"endpoint_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "alert_state" text DEFAULT 'ok' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "manual_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "resume_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("account_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "events_search_transaction_idx" ON "events" USING btree ("account_id",("data" ->> 'transaction_id'),"created_at");--> statement-breakpoint
CREATE INDEX "events_search_message_idx" ON "events" USING btree ("account_id",("data" ->> 'message_id'),"created_at");--> statement-breakpoint
CREATE INDEX "events_search_mobile_idx" ON "events" USING btree ("account_id",(regexp_replace(coalesce(data ->> 'mobile', data ->> 'from', data ->> 'mobile_number'), '[^0-9]', '', 'g')),"created_at");--> statement-breakpoint
-- Endpoints already failing or disabled before alerts existed start in that state: no burst of old alerts.
UPDATE "endpoints" SET "alert_state" = CASE WHEN "status" = 'disabled' THEN 'disabled' WHEN "consecutive_failures" >= 5 THEN 'failing' ELSE 'ok' END;
