CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"action" text NOT NULL,
	"what" text NOT NULL,
	"role" text NOT NULL,
	"centre_id" uuid,
	CONSTRAINT "access_log_action_check" CHECK (action in ('read', 'create', 'update')),
	CONSTRAINT "access_log_role_check" CHECK (role in ('coordinator', 'employment_officer', 'job_agent', 'employer_liaison', 'social_consultant', 'work_consultant', 'civic_guide', 'career_guide', 'language_teacher', 'programme_manager', 'administrator'))
);
--> statement-breakpoint
CREATE TABLE "centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"participation" boolean NOT NULL,
	"data_sharing" boolean NOT NULL,
	"funder_reporting" boolean NOT NULL,
	"given_on" date NOT NULL,
	"method" text NOT NULL,
	"language" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"withdrawn_on" date,
	"withdrawn_by" uuid,
	"withdrawal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_method_check" CHECK (method in ('paper', 'digital')),
	CONSTRAINT "consents_withdrawal_check" CHECK (withdrawn_on is null or withdrawn_on >= given_on)
);
--> statement-breakpoint
CREATE TABLE "education_levels" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolment_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolment_steps_period_check" CHECK (ended_on is null or ended_on >= started_on)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	"target_group_override_reason" text,
	"referral_id" uuid,
	"starts_on" date NOT NULL,
	"planned_end_on" date NOT NULL,
	"exited_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_period_check" CHECK (planned_end_on > starts_on),
	CONSTRAINT "enrolments_exit_check" CHECK (exited_on is null or exited_on >= starts_on)
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"code" text PRIMARY KEY NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"section_code" text
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL,
	"county_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"code" text PRIMARY KEY NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind_check" CHECK (kind in ('municipality', 'employment_service')),
	CONSTRAINT "organisations_municipality_check" CHECK (kind <> 'municipality' or municipality_code is not null)
);
--> statement-breakpoint
CREATE TABLE "participant_identity_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"identity_type" text NOT NULL,
	"identity_number" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" uuid NOT NULL,
	CONSTRAINT "participant_identity_history_type_check" CHECK (identity_type in ('personal_identity_number', 'coordination_number', 'reserve'))
);
--> statement-breakpoint
CREATE TABLE "participant_staff" (
	"participant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"is_contact" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participant_staff_participant_id_user_id_pk" PRIMARY KEY("participant_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identity_type" text NOT NULL,
	"personal_identity_number" text,
	"reserve_number" text,
	"birth_date" date,
	"legal_gender" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"sort_name" text NOT NULL,
	"search_text" text NOT NULL,
	"preferred_language" text,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"phone" text,
	"email" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"municipality_code" text,
	"education_level_code" text,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"centre_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_identity_type_check" CHECK (identity_type in ('personal_identity_number', 'coordination_number', 'reserve')),
	CONSTRAINT "participants_legal_gender_check" CHECK (legal_gender in ('female', 'male', 'unknown')),
	CONSTRAINT "participants_identity_check" CHECK ((identity_type = 'reserve' and reserve_number is not null and personal_identity_number is null)
        or (identity_type <> 'reserve' and personal_identity_number ~ '^[0-9]{12}$'))
);
--> statement-breakpoint
CREATE TABLE "programme_centres" (
	"programme_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	CONSTRAINT "programme_centres_programme_id_centre_id_pk" PRIMARY KEY("programme_id","centre_id")
);
--> statement-breakpoint
CREATE TABLE "programme_organisations" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "programme_organisations_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programme_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "programme_steps_ordinal_check" CHECK (ordinal >= 1)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"funder_project_number" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"planned_participants" integer NOT NULL,
	"goal_percent" numeric(5, 2) NOT NULL,
	"goal_description" text NOT NULL,
	"follow_up_days" integer DEFAULT 90 NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_period_check" CHECK (ends_on >= starts_on),
	CONSTRAINT "programmes_planned_check" CHECK (planned_participants >= 0),
	CONSTRAINT "programmes_goal_check" CHECK (goal_percent between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"referring_officer" text NOT NULL,
	"referring_office" text,
	"referred_on" date NOT NULL,
	"basis" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'received' NOT NULL,
	"meeting_at" timestamp with time zone,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_basis_check" CHECK (basis in ('establishment_programme', 'job_and_development_guarantee', 'social_services_after_establishment')),
	CONSTRAINT "referrals_status_check" CHECK (status in ('received', 'meeting_booked', 'enrolled', 'declined', 'withdrawn')),
	CONSTRAINT "referrals_meeting_check" CHECK (status <> 'meeting_booked' or meeting_at is not null)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"max_duration_months" integer NOT NULL,
	CONSTRAINT "target_groups_kind_check" CHECK (kind in ('short_educated', 'upper_secondary_or_higher')),
	CONSTRAINT "target_groups_duration_check" CHECK (max_duration_months between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "user_centres" (
	"user_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	CONSTRAINT "user_centres_user_id_centre_id_pk" PRIMARY KEY("user_id","centre_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK (role in ('coordinator', 'employment_officer', 'job_agent', 'employer_liaison', 'social_consultant', 'work_consultant', 'civic_guide', 'career_guide', 'language_teacher', 'programme_manager', 'administrator'))
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres" ADD CONSTRAINT "centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres" ADD CONSTRAINT "centres_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_steps" ADD CONSTRAINT "enrolment_steps_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_steps" ADD CONSTRAINT "enrolment_steps_step_id_programme_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."programme_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_steps" ADD CONSTRAINT "enrolment_steps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_target_group_id_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identity_history" ADD CONSTRAINT "participant_identity_history_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_identity_history" ADD CONSTRAINT "participant_identity_history_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_staff" ADD CONSTRAINT "participant_staff_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_staff" ADD CONSTRAINT "participant_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_education_level_code_education_levels_code_fk" FOREIGN KEY ("education_level_code") REFERENCES "public"."education_levels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_centres" ADD CONSTRAINT "programme_centres_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_centres" ADD CONSTRAINT "programme_centres_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_steps" ADD CONSTRAINT "programme_steps_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_groups" ADD CONSTRAINT "target_groups_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_centres" ADD CONSTRAINT "user_centres_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_centres" ADD CONSTRAINT "user_centres_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_participant_idx" ON "access_log" USING btree ("participant_id","at");--> statement-breakpoint
CREATE INDEX "access_log_user_idx" ON "access_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "access_log_centre_idx" ON "access_log" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "centres_organisation_idx" ON "centres" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "centres_municipality_idx" ON "centres" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "consents_participant_idx" ON "consents" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "consents_recorded_by_idx" ON "consents" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "consents_withdrawn_by_idx" ON "consents" USING btree ("withdrawn_by");--> statement-breakpoint
CREATE INDEX "enrolment_steps_enrolment_idx" ON "enrolment_steps" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "enrolment_steps_step_idx" ON "enrolment_steps" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "enrolment_steps_created_by_idx" ON "enrolment_steps" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_one_active_idx" ON "enrolments" USING btree ("participant_id","programme_id") WHERE exited_on is null;--> statement-breakpoint
CREATE INDEX "enrolments_participant_idx" ON "enrolments" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "enrolments_programme_idx" ON "enrolments" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "enrolments_centre_idx" ON "enrolments" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "enrolments_target_group_idx" ON "enrolments" USING btree ("target_group_id");--> statement-breakpoint
CREATE INDEX "enrolments_referral_idx" ON "enrolments" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "enrolments_created_by_idx" ON "enrolments" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "organisations_municipality_idx" ON "organisations" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "participant_identity_history_participant_idx" ON "participant_identity_history" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "participant_identity_history_user_idx" ON "participant_identity_history" USING btree ("replaced_by");--> statement-breakpoint
CREATE INDEX "participant_staff_user_idx" ON "participant_staff" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_pin_idx" ON "participants" USING btree ("personal_identity_number");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_reserve_idx" ON "participants" USING btree ("reserve_number");--> statement-breakpoint
CREATE INDEX "participants_centre_idx" ON "participants" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "participants_municipality_idx" ON "participants" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "participants_education_idx" ON "participants" USING btree ("education_level_code");--> statement-breakpoint
CREATE INDEX "participants_created_by_idx" ON "participants" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "participants_sort_name_idx" ON "participants" USING btree ("sort_name");--> statement-breakpoint
CREATE INDEX "programme_centres_centre_idx" ON "programme_centres" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "programme_organisations_org_idx" ON "programme_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_steps_programme_ordinal_idx" ON "programme_steps" USING btree ("programme_id","ordinal");--> statement-breakpoint
CREATE INDEX "programmes_owner_idx" ON "programmes" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_natural_key_idx" ON "referrals" USING btree ("participant_id","programme_id","referred_on","basis");--> statement-breakpoint
CREATE INDEX "referrals_programme_idx" ON "referrals" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "referrals_centre_status_idx" ON "referrals" USING btree ("centre_id","status");--> statement-breakpoint
CREATE INDEX "referrals_created_by_idx" ON "referrals" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_groups_programme_kind_idx" ON "target_groups" USING btree ("programme_id","kind");--> statement-breakpoint
CREATE INDEX "user_centres_centre_idx" ON "user_centres" USING btree ("centre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");