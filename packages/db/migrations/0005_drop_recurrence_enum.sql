ALTER TABLE "tasks" DROP COLUMN "recurrence";--> statement-breakpoint
DROP TYPE "public"."task_recurrence";