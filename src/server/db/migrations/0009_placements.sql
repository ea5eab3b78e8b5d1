CREATE TABLE "placement_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"ratings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text NOT NULL,
	"next_steps" text,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_evaluations_kind_check" CHECK (kind in ('midpoint', 'final'))
);
--> statement-breakpoint
CREATE TABLE "placement_goals" (
	"placement_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "placement_goals_placement_id_goal_id_pk" PRIMARY KEY("placement_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"opening_id" uuid,
	"group_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"tasks" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_on" date,
	"ended_on" date,
	"end_reason" text,
	"enrolment_step_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_status_check" CHECK (status in ('planned', 'ongoing', 'ended', 'cancelled')),
	CONSTRAINT "placements_period_check" CHECK (ends_on >= starts_on),
	CONSTRAINT "placements_started_check" CHECK ((started_on is not null) = (status in ('ongoing', 'ended'))),
	CONSTRAINT "placements_ended_check" CHECK ((ended_on is not null) = (status in ('ended', 'cancelled'))),
	CONSTRAINT "placements_end_after_start_check" CHECK (started_on is null or ended_on is null or ended_on >= started_on)
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "exit_employer_id" uuid;--> statement-breakpoint
ALTER TABLE "placement_evaluations" ADD CONSTRAINT "placement_evaluations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_evaluations" ADD CONSTRAINT "placement_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_goals" ADD CONSTRAINT "placement_goals_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_goals" ADD CONSTRAINT "placement_goals_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_group_id_activity_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."activity_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_supervisor_id_employer_contacts_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."employer_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_enrolment_step_id_enrolment_steps_id_fk" FOREIGN KEY ("enrolment_step_id") REFERENCES "public"."enrolment_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_evaluations_kind_idx" ON "placement_evaluations" USING btree ("placement_id","kind");--> statement-breakpoint
CREATE INDEX "placement_evaluations_recorded_by_idx" ON "placement_evaluations" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "placement_goals_goal_idx" ON "placement_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_group_idx" ON "placements" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "placements_enrolment_idx" ON "placements" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "placements_employer_idx" ON "placements" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "placements_opening_idx" ON "placements" USING btree ("opening_id");--> statement-breakpoint
CREATE INDEX "placements_supervisor_idx" ON "placements" USING btree ("supervisor_id");--> statement-breakpoint
CREATE INDEX "placements_step_idx" ON "placements" USING btree ("enrolment_step_id");--> statement-breakpoint
CREATE INDEX "placements_created_by_idx" ON "placements" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_exit_employer_id_employers_id_fk" FOREIGN KEY ("exit_employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolments_exit_employer_idx" ON "enrolments" USING btree ("exit_employer_id");