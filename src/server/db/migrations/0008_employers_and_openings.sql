CREATE TABLE "employer_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"contact_id" uuid,
	"note" text NOT NULL,
	"next_step" text,
	"next_step_on" date,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_interactions_kind_check" CHECK (kind in ('call', 'visit', 'meeting', 'agreement'))
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_number" text NOT NULL,
	"name" text NOT NULL,
	"sort_name" text NOT NULL,
	"industry_code" text,
	"municipality_code" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"offers" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_organisation_number_check" CHECK (organisation_number ~ '^[0-9]{10}$'),
	CONSTRAINT "employers_offers_check" CHECK (offers <@ array['internships', 'jobs', 'civic_orientation', 'job_preparation']::text[])
);
--> statement-breakpoint
CREATE TABLE "occupation_names" (
	"concept_id" text NOT NULL,
	"name" text NOT NULL,
	"ssyk_code" text NOT NULL,
	CONSTRAINT "occupation_names_concept_id_ssyk_code_pk" PRIMARY KEY("concept_id","ssyk_code")
);
--> statement-breakpoint
CREATE TABLE "openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text NOT NULL,
	"places" integer NOT NULL,
	"starts_on" date,
	"hours_per_week" integer,
	"required_sfi_course" text,
	"driving_licence_required" boolean DEFAULT false NOT NULL,
	"required_education_level_code" text,
	"requirements" text,
	"municipality_code" text,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "openings_kind_check" CHECK (kind in ('internship', 'job')),
	CONSTRAINT "openings_status_check" CHECK (status in ('open', 'filled', 'closed')),
	CONSTRAINT "openings_places_check" CHECK (places between 1 and 1000),
	CONSTRAINT "openings_hours_check" CHECK (hours_per_week is null or hours_per_week between 1 and 60),
	CONSTRAINT "openings_sfi_check" CHECK (required_sfi_course is null or required_sfi_course in ('A', 'B', 'C', 'D', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "plan_goal_activities" (
	"goal_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	CONSTRAINT "plan_goal_activities_goal_id_activity_id_pk" PRIMARY KEY("goal_id","activity_id")
);
--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_interactions" ADD CONSTRAINT "employer_interactions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_interactions" ADD CONSTRAINT "employer_interactions_contact_id_employer_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."employer_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_interactions" ADD CONSTRAINT "employer_interactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_names" ADD CONSTRAINT "occupation_names_ssyk_code_occupations_code_fk" FOREIGN KEY ("ssyk_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_required_education_level_code_education_levels_code_fk" FOREIGN KEY ("required_education_level_code") REFERENCES "public"."education_levels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal_activities" ADD CONSTRAINT "plan_goal_activities_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal_activities" ADD CONSTRAINT "plan_goal_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_contacts_employer_idx" ON "employer_contacts" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_interactions_employer_idx" ON "employer_interactions" USING btree ("employer_id","occurred_on");--> statement-breakpoint
CREATE INDEX "employer_interactions_contact_idx" ON "employer_interactions" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "employer_interactions_user_idx" ON "employer_interactions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_organisation_number_idx" ON "employers" USING btree ("organisation_number");--> statement-breakpoint
CREATE INDEX "employers_sort_name_idx" ON "employers" USING btree ("sort_name");--> statement-breakpoint
CREATE INDEX "employers_industry_idx" ON "employers" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "employers_municipality_idx" ON "employers" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "employers_created_by_idx" ON "employers" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "occupation_names_ssyk_idx" ON "occupation_names" USING btree ("ssyk_code");--> statement-breakpoint
CREATE INDEX "openings_employer_idx" ON "openings" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "openings_status_idx" ON "openings" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "openings_occupation_idx" ON "openings" USING btree ("occupation_code");--> statement-breakpoint
CREATE INDEX "openings_municipality_idx" ON "openings" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "openings_education_idx" ON "openings" USING btree ("required_education_level_code");--> statement-breakpoint
CREATE INDEX "openings_created_by_idx" ON "openings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "plan_goal_activities_activity_idx" ON "plan_goal_activities" USING btree ("activity_id");