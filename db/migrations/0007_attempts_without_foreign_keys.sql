ALTER TABLE "delivery_attempts" DROP CONSTRAINT "delivery_attempts_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "delivery_attempts" DROP CONSTRAINT "delivery_attempts_endpoint_id_endpoints_id_fk";
--> statement-breakpoint
ALTER TABLE "delivery_attempts" DROP CONSTRAINT "delivery_attempts_delivery_id_deliveries_id_fk";
