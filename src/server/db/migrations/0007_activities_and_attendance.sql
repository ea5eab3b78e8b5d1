CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"step_id" uuid,
	"planned_hours" integer NOT NULL,
	"delivery_language" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_type_check" CHECK (type in ('language_promotion', 'job_preparation', 'civic_orientation', 'equip', 'internship', 'health', 'other')),
	CONSTRAINT "activities_planned_hours_check" CHECK (planned_hours between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "activity_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"leader_id" uuid NOT NULL,
	"room" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_groups_period_check" CHECK (ends_on >= starts_on)
);
--> statement-breakpoint
CREATE TABLE "activity_mandatory_target_groups" (
	"activity_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	CONSTRAINT "activity_mandatory_target_groups_activity_id_target_group_id_pk" PRIMARY KEY("activity_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"late_minutes" integer,
	"absence_reason" text,
	"reason_text" text,
	"attended_minutes" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_status_check" CHECK (status in ('present', 'late', 'absent')),
	CONSTRAINT "attendance_reason_value_check" CHECK (absence_reason is null or absence_reason in ('ill', 'sick_child', 'authority_appointment', 'other', 'none')),
	CONSTRAINT "attendance_late_check" CHECK ((status = 'late') = (late_minutes is not null and late_minutes > 0)),
	CONSTRAINT "attendance_absent_check" CHECK ((status = 'absent') = (absence_reason is not null)),
	CONSTRAINT "attendance_other_reason_check" CHECK (absence_reason is distinct from 'other' or reason_text is not null),
	CONSTRAINT "attendance_minutes_check" CHECK (attended_minutes >= 0)
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_period_check" CHECK (left_on is null or left_on >= joined_on)
);
--> statement-breakpoint
CREATE TABLE "group_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"session_date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"moved_from" date,
	"leader_id" uuid,
	"room" text,
	"civic_areas" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"guest_employer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_sessions_status_check" CHECK (status in ('planned', 'cancelled')),
	CONSTRAINT "group_sessions_time_check" CHECK (start_time ~ '^[0-2][0-9]:[0-5][0-9]$' and end_time ~ '^[0-2][0-9]:[0-5][0-9]$' and end_time > start_time),
	CONSTRAINT "group_sessions_cancel_check" CHECK ((status = 'cancelled') = (cancel_reason is not null)),
	CONSTRAINT "group_sessions_civic_areas_check" CHECK (civic_areas <@ array[1, 2, 3, 4, 5, 6, 7, 8])
);
--> statement-breakpoint
CREATE TABLE "programme_closure_days" (
	"programme_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "programme_closure_days_programme_id_day_pk" PRIMARY KEY("programme_id","day")
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "civic_orientation_target_hours" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_step_id_programme_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."programme_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_groups" ADD CONSTRAINT "activity_groups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_groups" ADD CONSTRAINT "activity_groups_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_groups" ADD CONSTRAINT "activity_groups_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_groups" ADD CONSTRAINT "activity_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_mandatory_target_groups" ADD CONSTRAINT "activity_mandatory_target_groups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_mandatory_target_groups" ADD CONSTRAINT "activity_mandatory_target_groups_target_group_id_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_group_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_activity_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."activity_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_group_id_activity_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."activity_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_closure_days" ADD CONSTRAINT "programme_closure_days_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_programme_name_idx" ON "activities" USING btree ("programme_id","name");--> statement-breakpoint
CREATE INDEX "activities_step_idx" ON "activities" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "activity_groups_activity_idx" ON "activity_groups" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_groups_centre_idx" ON "activity_groups" USING btree ("centre_id","starts_on");--> statement-breakpoint
CREATE INDEX "activity_groups_leader_idx" ON "activity_groups" USING btree ("leader_id");--> statement-breakpoint
CREATE INDEX "activity_groups_created_by_idx" ON "activity_groups" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "activity_mandatory_target_groups_group_idx" ON "activity_mandatory_target_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_session_enrolment_idx" ON "attendance" USING btree ("session_id","enrolment_id");--> statement-breakpoint
CREATE INDEX "attendance_enrolment_idx" ON "attendance" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "attendance_recorded_by_idx" ON "attendance" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_active_idx" ON "group_members" USING btree ("group_id","enrolment_id") WHERE left_on is null;--> statement-breakpoint
CREATE INDEX "group_members_enrolment_idx" ON "group_members" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "group_members_created_by_idx" ON "group_members" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "group_sessions_group_slot_idx" ON "group_sessions" USING btree ("group_id","session_date","start_time");--> statement-breakpoint
CREATE INDEX "group_sessions_date_idx" ON "group_sessions" USING btree ("session_date");--> statement-breakpoint
CREATE INDEX "group_sessions_leader_idx" ON "group_sessions" USING btree ("leader_id");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_civic_orientation_check" CHECK (civic_orientation_target_hours between 100 and 1000);