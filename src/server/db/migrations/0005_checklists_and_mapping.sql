CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"meeting_on" date,
	"meeting_attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"areas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sensitive" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_revision_check" CHECK (revision >= 1)
);
--> statement-breakpoint
CREATE TABLE "checklist_ticks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_step_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"ticked_on" date NOT NULL,
	"ticked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "step_checklist_items_ordinal_check" CHECK (ordinal >= 1)
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_enrolment_step_id_enrolment_steps_id_fk" FOREIGN KEY ("enrolment_step_id") REFERENCES "public"."enrolment_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_item_id_step_checklist_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."step_checklist_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_ticked_by_users_id_fk" FOREIGN KEY ("ticked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_checklist_items" ADD CONSTRAINT "step_checklist_items_step_id_programme_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."programme_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_participant_revision_idx" ON "assessments" USING btree ("participant_id","revision");--> statement-breakpoint
CREATE INDEX "assessments_created_by_idx" ON "assessments" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_ticks_step_item_idx" ON "checklist_ticks" USING btree ("enrolment_step_id","item_id");--> statement-breakpoint
CREATE INDEX "checklist_ticks_item_idx" ON "checklist_ticks" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "checklist_ticks_by_idx" ON "checklist_ticks" USING btree ("ticked_by");--> statement-breakpoint
CREATE UNIQUE INDEX "step_checklist_items_step_ordinal_idx" ON "step_checklist_items" USING btree ("step_id","ordinal");