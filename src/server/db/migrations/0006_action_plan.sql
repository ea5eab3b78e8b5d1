CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"closed_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_changes_kind_check" CHECK (kind in ('created', 'updated', 'reviewed', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "plan_goal_steps" (
	"goal_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	CONSTRAINT "plan_goal_steps_goal_id_step_id_pk" PRIMARY KEY("goal_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"term" text NOT NULL,
	"description" text NOT NULL,
	"target_on" date NOT NULL,
	"owner_user_id" uuid,
	"status" text NOT NULL,
	"occupation_code" text,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_goals_term_check" CHECK (term in ('short', 'long')),
	CONSTRAINT "plan_goals_status_check" CHECK (status in ('planned', 'in_progress', 'achieved', 'dropped')),
	CONSTRAINT "plan_goals_ordinal_check" CHECK (ordinal >= 1)
);
--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal_steps" ADD CONSTRAINT "plan_goal_steps_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal_steps" ADD CONSTRAINT "plan_goal_steps_step_id_programme_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."programme_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_enrolment_idx" ON "action_plans" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "action_plans_reviewed_by_idx" ON "action_plans" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "action_plans_created_by_idx" ON "action_plans" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_changes_plan_version_idx" ON "plan_changes" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "plan_changes_changed_by_idx" ON "plan_changes" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "plan_goal_steps_step_idx" ON "plan_goal_steps" USING btree ("step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_goals_plan_ordinal_idx" ON "plan_goals" USING btree ("plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "plan_goals_owner_idx" ON "plan_goals" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "plan_goals_occupation_idx" ON "plan_goals" USING btree ("occupation_code");--> statement-breakpoint
-- The plan's history keeps everything: a row per saved version, never changed or removed.
CREATE FUNCTION plan_changes_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'plan_changes is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_changes_no_update_delete BEFORE UPDATE OR DELETE ON plan_changes
  FOR EACH ROW EXECUTE FUNCTION plan_changes_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_changes_no_truncate BEFORE TRUNCATE ON plan_changes
  FOR EACH STATEMENT EXECUTE FUNCTION plan_changes_refuse_change();
