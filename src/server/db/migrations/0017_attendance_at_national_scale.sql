CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("group_id");--> statement-breakpoint
-- A session has about 20 attendance rows (a group), a number the planner's sample cannot see at national scale:
-- it guesses hundreds, and then scans all attendance instead of looking the sessions up (co-financing, roll calls).
ALTER TABLE "attendance" ALTER COLUMN "session_id" SET (n_distinct = -0.05);--> statement-breakpoint
ANALYZE "attendance";
