CREATE TYPE "public"."delivery_channel" AS ENUM('push', 'email');--> statement-breakpoint
CREATE TYPE "public"."delivery_kind" AS ENUM('reminder', 'digest', 'test');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('sending', 'sent', 'failed', 'gone', 'unconfirmed');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('due', 'before', 'at');--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" "delivery_kind" NOT NULL,
	"channel" "delivery_channel" NOT NULL,
	"reminder_id" integer,
	"task_id" integer,
	"target" text NOT NULL,
	"fire_at" timestamp with time zone NOT NULL,
	"status" "delivery_status" DEFAULT 'sending' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"push_reminders" boolean DEFAULT true NOT NULL,
	"email_reminders" boolean DEFAULT false NOT NULL,
	"default_reminder_kind" "reminder_kind",
	"default_minutes_before" integer,
	"digest_hour" integer,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_settings_digest_hour" CHECK ("notification_settings"."digest_hour" is null or "notification_settings"."digest_hour" between 0 and 23),
	CONSTRAINT "notification_settings_default_reminder" CHECK (("notification_settings"."default_reminder_kind" is null and "notification_settings"."default_minutes_before" is null)
        or ("notification_settings"."default_reminder_kind" = 'due' and "notification_settings"."default_minutes_before" is null)
        or ("notification_settings"."default_reminder_kind" = 'before' and "notification_settings"."default_minutes_before" between 5 and 10080))
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "push_subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_success_at" timestamp with time zone,
	CONSTRAINT "push_subscriptions_endpoint_length" CHECK (char_length("push_subscriptions"."endpoint") <= 1000),
	CONSTRAINT "push_subscriptions_label_length" CHECK (char_length("push_subscriptions"."label") between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"task_id" integer NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"minutes_before" integer,
	"at" timestamp with time zone,
	"fire_at" timestamp with time zone,
	"job_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_kind_fields" CHECK (("reminders"."kind" = 'due' and "reminders"."minutes_before" is null and "reminders"."at" is null)
        or ("reminders"."kind" = 'before' and "reminders"."minutes_before" between 5 and 10080 and "reminders"."at" is null)
        or ("reminders"."kind" = 'at' and "reminders"."minutes_before" is null and "reminders"."at" is not null))
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_key_idx" ON "deliveries" USING btree ("key");--> statement-breakpoint
CREATE INDEX "deliveries_user_created_idx" ON "deliveries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_idx" ON "push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reminders_task_idx" ON "reminders" USING btree ("task_id");