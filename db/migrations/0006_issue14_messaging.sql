CREATE TABLE "endpoint_throttles" (
	"endpoint_id" text PRIMARY KEY NOT NULL,
	"rate" double precision,
	"ceiling" double precision,
	"capacity" double precision,
	"reason" text,
	"slowed_at" timestamp with time zone,
	"recovered_at" timestamp with time zone,
	"changed_at" timestamp (6) with time zone,
	"last_refusal_at" timestamp with time zone,
	"last_refusal_status" integer,
	"hold_until" timestamp (6) with time zone,
	"p50_ms" double precision,
	"samples" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "deliveries_due_at_idx";--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "ordered_delivery" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "latest_status_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "endpoints" ADD COLUMN "adaptive_throttle" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "ordering_key" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "ordering_seq" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "blocked_by" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "successor_id" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "superseded_by" text;--> statement-breakpoint
ALTER TABLE "endpoint_throttles" ADD CONSTRAINT "endpoint_throttles_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_ready_at_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE "deliveries"."status" in ('pending', 'retrying') and "deliveries"."blocked_by" is null;--> statement-breakpoint
CREATE INDEX "deliveries_ordering_idx" ON "deliveries" USING btree ("endpoint_id","ordering_key") WHERE "deliveries"."ordering_key" is not null and "deliveries"."status" in ('pending', 'retrying');--> statement-breakpoint
-- Per-message order is the default for delivery-report endpoints (new deliveries only: existing ones have no key).
UPDATE "endpoints" SET "ordered_delivery" = true WHERE "report_type" = 'dlr';
--> statement-breakpoint
-- (deliveries.enqueued_at comes from 0003; 0004's snapshot did not list it, this one's does.)
SELECT 1;
