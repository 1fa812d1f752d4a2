CREATE TYPE "public"."project_color" AS ENUM('grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink');--> statement-breakpoint
CREATE TYPE "public"."task_repeat_from" AS ENUM('due', 'completion');--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"color" "project_color" DEFAULT 'grey' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_inbox" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_name_length" CHECK (char_length("projects"."name") between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "project_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "rrule" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "repeat_from" "task_repeat_from" DEFAULT 'due' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "occurrence" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "projects_user_name_idx" ON "projects" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "projects_user_inbox_idx" ON "projects" USING btree ("user_id") WHERE "projects"."is_inbox";--> statement-breakpoint
CREATE INDEX "projects_user_position_idx" ON "projects" USING btree ("user_id","position");--> statement-breakpoint
-- Every user gets an Inbox, and every existing task moves into its owner's.
INSERT INTO "projects" ("user_id", "name", "is_inbox", "position") SELECT "id", 'Inbox', true, 0 FROM "user";--> statement-breakpoint
UPDATE "tasks" SET "project_id" = "projects"."id" FROM "projects" WHERE "projects"."user_id" = "tasks"."user_id" AND "projects"."is_inbox";--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "project_id" SET NOT NULL;--> statement-breakpoint
-- The four fixed values become the equivalent rules, counted in UTC as they were (0005 drops the column).
UPDATE "tasks" SET "rrule" = 'FREQ=' || upper("recurrence"::text) WHERE "recurrence" <> 'none';--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_id_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_project_completed_idx" ON "tasks" USING btree ("project_id","completed");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_rrule_length" CHECK ("tasks"."rrule" is null or char_length("tasks"."rrule") <= 200);--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_time_zone_length" CHECK (char_length("tasks"."time_zone") between 1 and 64);--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_not_own_parent" CHECK ("tasks"."parent_id" is null or "tasks"."parent_id" <> "tasks"."id");