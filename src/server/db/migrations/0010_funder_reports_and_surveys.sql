CREATE TABLE "funder_file_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"month" text NOT NULL,
	"row_count" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funder_file_submissions_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "funder_file_submissions_rows_check" CHECK (row_count >= 0)
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"scale" integer,
	"yes" boolean,
	"text" text,
	CONSTRAINT "survey_answers_scale_check" CHECK (scale is null or scale between 1 and 5),
	CONSTRAINT "survey_answers_one_value_check" CHECK (num_nonnulls(scale, yes, text) = 1)
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"token" text NOT NULL,
	"group_id" uuid,
	"session_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_links_session_check" CHECK (session_id is null or group_id is not null)
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"texts" jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_questions_kind_check" CHECK (kind in ('scale', 'yes_no', 'free_text'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"language" text NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"titles" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_status_check" CHECK (status in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "labour_market_status" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "cofinancing_hourly_rate" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "funder_report_check" text DEFAULT 'warn' NOT NULL;--> statement-breakpoint
ALTER TABLE "funder_file_submissions" ADD CONSTRAINT "funder_file_submissions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_file_submissions" ADD CONSTRAINT "funder_file_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_group_id_activity_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."activity_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_session_id_group_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_link_id_survey_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."survey_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funder_file_submissions_programme_idx" ON "funder_file_submissions" USING btree ("programme_id","month");--> statement-breakpoint
CREATE INDEX "funder_file_submissions_submitted_by_idx" ON "funder_file_submissions" USING btree ("submitted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_response_question_idx" ON "survey_answers" USING btree ("response_id","question_id");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_links_token_idx" ON "survey_links" USING btree ("token");--> statement-breakpoint
CREATE INDEX "survey_links_survey_idx" ON "survey_links" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_links_group_idx" ON "survey_links" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "survey_links_session_idx" ON "survey_links" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "survey_links_created_by_idx" ON "survey_links" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_ordinal_idx" ON "survey_questions" USING btree ("survey_id","ordinal");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_responses_link_idx" ON "survey_responses" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "surveys_programme_idx" ON "surveys" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "surveys_created_by_idx" ON "surveys" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_labour_market_status_check" CHECK (labour_market_status is null or labour_market_status in ('employed', 'unemployed', 'long_term_unemployed', 'inactive_in_education', 'inactive_not_in_education'));--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_cofinancing_rate_check" CHECK (cofinancing_hourly_rate is null or cofinancing_hourly_rate >= 0);--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_funder_report_check_check" CHECK (funder_report_check in ('warn', 'refuse'));