ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_event_id_events_id_fk";
