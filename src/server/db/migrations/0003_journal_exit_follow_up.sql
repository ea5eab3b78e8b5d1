CREATE TABLE "follow_up_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"attempted_on" date NOT NULL,
	"method" text NOT NULL,
	"reached" boolean NOT NULL,
	"note" text,
	"attempted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_attempts_method_check" CHECK (method in ('phone', 'sms', 'email', 'letter', 'visit'))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text,
	"status_organisation" text,
	"recorded_on" date,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_status_check" CHECK (status is null or status in ('work', 'studies', 'own_business', 'seeking_work', 'other', 'unreachable')),
	CONSTRAINT "follow_ups_recorded_check" CHECK ((status is null) = (recorded_on is null))
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"corrects_id" uuid,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_category_check" CHECK (category in ('meeting', 'phone_call', 'message', 'home_visit', 'collaboration', 'note')),
	CONSTRAINT "journal_entries_correction_check" CHECK ((corrects_id is null) = (correction_reason is null))
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "exit_outcome" text;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "exit_organisation" text;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "exit_reason" text;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "exited_by" uuid;--> statement-breakpoint
ALTER TABLE "follow_up_attempts" ADD CONSTRAINT "follow_up_attempts_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_attempts" ADD CONSTRAINT "follow_up_attempts_attempted_by_users_id_fk" FOREIGN KEY ("attempted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_corrects_id_journal_entries_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_attempts_follow_up_idx" ON "follow_up_attempts" USING btree ("follow_up_id");--> statement-breakpoint
CREATE INDEX "follow_up_attempts_by_idx" ON "follow_up_attempts" USING btree ("attempted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_enrolment_idx" ON "follow_ups" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "follow_ups_recorded_by_idx" ON "follow_ups" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_corrects_idx" ON "journal_entries" USING btree ("corrects_id");--> statement-breakpoint
CREATE INDEX "journal_entries_participant_idx" ON "journal_entries" USING btree ("participant_id","entry_date");--> statement-breakpoint
CREATE INDEX "journal_entries_author_idx" ON "journal_entries" USING btree ("author_id");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_exited_by_users_id_fk" FOREIGN KEY ("exited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolments_exited_by_idx" ON "enrolments" USING btree ("exited_by");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_exit_outcome_check" CHECK ((exited_on is null) = (exit_outcome is null));--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_exit_outcome_value_check" CHECK (exit_outcome is null or exit_outcome in ('work_permanent', 'work_fixed_term', 'work_subsidised', 'studies_adult_education', 'studies_folk_high_school', 'studies_university', 'studies_vocational', 'own_business', 'parental_leave', 'moved', 'ill_health', 'other'));