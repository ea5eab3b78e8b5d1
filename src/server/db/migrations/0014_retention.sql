CREATE TABLE "retention_run_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"programme_id" uuid,
	"expired_on" date NOT NULL,
	CONSTRAINT "retention_run_items_rule_check" CHECK (rule in ('enrolment_exit', 'referral', 'registration'))
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"run_by" uuid,
	"as_of" date NOT NULL,
	"anonymised" integer NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_runs_anonymised_check" CHECK (anonymised >= 0)
);
--> statement-breakpoint
ALTER TABLE "participants" DROP CONSTRAINT "participants_identity_check";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "retention_years" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "hold_until" date;--> statement-breakpoint
ALTER TABLE "retention_run_items" ADD CONSTRAINT "retention_run_items_run_id_retention_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run_items" ADD CONSTRAINT "retention_run_items_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run_items" ADD CONSTRAINT "retention_run_items_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_run_items_participant_idx" ON "retention_run_items" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "retention_run_items_run_idx" ON "retention_run_items" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "retention_run_items_programme_idx" ON "retention_run_items" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "retention_runs_organisation_idx" ON "retention_runs" USING btree ("organisation_id","ran_at");--> statement-breakpoint
CREATE INDEX "retention_runs_run_by_idx" ON "retention_runs" USING btree ("run_by");--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_identity_check" CHECK ((anonymised_at is not null and reserve_number is null and personal_identity_number is null)
        or (identity_type = 'reserve' and reserve_number is not null and personal_identity_number is null)
        or (identity_type <> 'reserve' and personal_identity_number ~ '^[0-9]{12}$'));--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_retention_years_check" CHECK (retention_years between 1 and 50);--> statement-breakpoint
-- The journal and the plan history stay append-only, with one exception: the retention job may redact the text of
-- a participant it has anonymised (participants.anonymised_at set in the same transaction), with the setting
-- stegvis.anonymising on for its transaction, to the marker '[anonymiserad]' and nothing else.
CREATE OR REPLACE FUNCTION journal_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF current_setting('stegvis.anonymising', true) = 'on'
    AND EXISTS (SELECT 1 FROM participants p WHERE p.id = OLD.participant_id AND p.anonymised_at IS NOT NULL)
    AND NEW.text = '[anonymiserad]'
    AND NEW.correction_reason IS NOT DISTINCT FROM (CASE WHEN OLD.correction_reason IS NULL THEN NULL ELSE '[anonymiserad]' END)
    AND (NEW.id, NEW.participant_id, NEW.entry_date, NEW.category, NEW.author_id, NEW.created_at)
      IS NOT DISTINCT FROM (OLD.id, OLD.participant_id, OLD.entry_date, OLD.category, OLD.author_id, OLD.created_at)
    AND NEW.corrects_id IS NOT DISTINCT FROM OLD.corrects_id
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'journal_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_changes_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF current_setting('stegvis.anonymising', true) = 'on'
    AND EXISTS (
      SELECT 1 FROM action_plans a
        JOIN enrolments e ON e.id = a.enrolment_id
        JOIN participants p ON p.id = e.participant_id
      WHERE a.id = OLD.plan_id AND p.anonymised_at IS NOT NULL
    )
    AND NEW.changes = '[]'::jsonb
    AND (NEW.id, NEW.plan_id, NEW.version, NEW.kind, NEW.changed_by, NEW.changed_at)
      IS NOT DISTINCT FROM (OLD.id, OLD.plan_id, OLD.version, OLD.kind, OLD.changed_by, OLD.changed_at)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'plan_changes is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
