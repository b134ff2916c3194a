CREATE TABLE "replays" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"remaining" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"succeeded" integer,
	"failed" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "replay_id" text;--> statement-breakpoint
ALTER TABLE "replays" ADD CONSTRAINT "replays_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replays" ADD CONSTRAINT "replays_endpoint_id_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "replays_endpoint_running_uq" ON "replays" USING btree ("endpoint_id") WHERE "replays"."status" = 'running';--> statement-breakpoint
CREATE INDEX "replays_endpoint_idx" ON "replays" USING btree ("endpoint_id","id");--> statement-breakpoint
CREATE INDEX "replays_account_idx" ON "replays" USING btree ("account_id","id");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_replay_id_replays_id_fk" FOREIGN KEY ("replay_id") REFERENCES "public"."replays"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_replay_idx" ON "deliveries" USING btree ("replay_id") WHERE "deliveries"."replay_id" is not null;