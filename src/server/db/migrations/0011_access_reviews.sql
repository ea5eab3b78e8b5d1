CREATE TABLE "access_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"access_log_id" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_review_items_outcome_check" CHECK (outcome in ('pending', 'confirmed', 'flagged')),
	CONSTRAINT "access_review_items_flag_note_check" CHECK (outcome <> 'flagged' or note is not null)
);
--> statement-breakpoint
CREATE TABLE "access_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_reviews_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_review_id_access_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."access_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_access_log_id_access_log_id_fk" FOREIGN KEY ("access_log_id") REFERENCES "public"."access_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_reviews" ADD CONSTRAINT "access_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_reviews" ADD CONSTRAINT "access_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_review_items_review_log_idx" ON "access_review_items" USING btree ("review_id","access_log_id");--> statement-breakpoint
CREATE INDEX "access_review_items_access_log_idx" ON "access_review_items" USING btree ("access_log_id");--> statement-breakpoint
CREATE INDEX "access_review_items_decided_by_idx" ON "access_review_items" USING btree ("decided_by");--> statement-breakpoint
CREATE UNIQUE INDEX "access_reviews_organisation_month_idx" ON "access_reviews" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE INDEX "access_reviews_created_by_idx" ON "access_reviews" USING btree ("created_by");