-- Engine v2 no longer writes 'sending': a live lease marks a delivery in flight.
UPDATE "deliveries" SET "status" = CASE WHEN "attempts" > 0 THEN 'retrying' ELSE 'pending' END WHERE "status" = 'sending';--> statement-breakpoint
-- Room on each page for in-place (HOT) updates: taking, renewing and releasing a lease touch no index.
ALTER TABLE "deliveries" SET (fillfactor = 80);--> statement-breakpoint
DROP INDEX "deliveries_due_idx";--> statement-breakpoint
DROP INDEX "deliveries_endpoint_due_idx";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "internal_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "deliveries_due_at_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE "deliveries"."status" in ('pending', 'retrying');--> statement-breakpoint
CREATE INDEX "deliveries_endpoint_due_idx" ON "deliveries" USING btree ("endpoint_id","next_attempt_at") WHERE "deliveries"."status" in ('pending', 'retrying');