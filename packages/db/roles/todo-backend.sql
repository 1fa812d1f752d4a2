-- The least the backend's database role needs; run as the tables' owner after the migrations.
-- Only "tasks" and "projects". No grant on "session", "account" or "verification": a compromised backend cannot read session
-- tokens, password hashes or verification codes. None on "user" either: the foreign key that
-- refuses a task for an unknown user is checked with its owner's rights, not the caller's.
-- apps/backend/test/database-role.test.ts runs the backend's flow on a role with exactly these.
GRANT USAGE ON SCHEMA public TO todo_backend;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE tasks TO todo_backend;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE projects TO todo_backend;
-- Reminders (issue 11): the backend schedules and delivers them, so it owns these four tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE reminders, push_subscriptions, notification_settings, deliveries TO todo_backend;
-- The address reminders and the digest go to, and nothing else of the user row.
GRANT SELECT (id, email, name) ON TABLE "user" TO todo_backend;
-- The reminder queue (pg-boss, schema pgboss): the backend sends, fetches, completes, expires and
-- archives jobs. Its tables and queues are made by the migration step as their owner, so no CREATE.
GRANT USAGE ON SCHEMA pgboss TO todo_backend;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO todo_backend;
-- Issue 12. The change log: record_change() runs with the writer's rights, so the backend inserts
-- into it with every task write; it reads it (live updates, webhooks) and prunes it.
GRANT SELECT, INSERT, DELETE ON TABLE change_events TO todo_backend;
GRANT SELECT, UPDATE ON TABLE change_cursors TO todo_backend;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE webhooks, webhook_deliveries, calendar_feeds TO todo_backend;
