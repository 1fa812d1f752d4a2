// The reference: what Node and PostgreSQL do on this machine with no framework, auth or
// validation. node:http plus the backend's driver (postgres.js, same pool size) running the very
// SQL the backend's repository sends for "first 50 pending tasks by due date", sent the same way
// drizzle sends it (an unnamed statement, prepare: false). Env: DATABASE_URL, PORT, POOL_MAX.
import { createServer } from 'node:http';
import postgres from 'postgres';

// The statement of the row path (task-row.ts's taskColumns, as drizzle prints it) for the list
// { status: 'pending', sort: 'due', project: [id] }: what a server that maps rows would send.
// The backend itself has PostgreSQL write the JSON (repositories/task-json.ts).
export const LIST_SQL =
  'select "id", "user_id", "title", "description", "completed", "completed_at", "priority", ' +
  '"tags", "due_at", "project_id", "parent_id", "rrule", "repeat_from", "time_zone", ' +
  '"occurrence", "recurrence_anchor_at", "next_occurrence_id", "version", "created_at", ' +
  '"updated_at", ' +
  '(select array[count(*), count(*) filter (where subtask.completed)]::int[] ' +
  'from "tasks" as subtask where subtask.parent_id = "tasks"."id"), ' +
  // The reminders as task-row.ts selects them for toTask (the row path of every write).
  "coalesce((select json_agg(json_build_object('id', r.id, 'kind', r.kind, " +
  "'minutes_before', r.minutes_before, " +
  `'at', to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ` +
  `'fire_at', to_char(r.fire_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ` +
  'order by r.fire_at nulls last, r.id) ' +
  `from reminders as r where r.task_id = "tasks"."id"), '[]'::json) as reminders, ` +
  'count(*) over () from "tasks" where ("tasks"."user_id" = $1 and "tasks"."completed" = $2 ' +
  'and "tasks"."project_id" in ($3)) ' +
  'order by "tasks"."due_at" is null, "tasks"."due_at" asc, "tasks"."id" asc limit $4';
const LIMIT = 50;
const LIST_PATH = /^\/api\/([^/?]+)\/tasks\?.*\bproject=(\d+)/;

const sql = postgres(process.env.DATABASE_URL, {
  max: Number(process.env.POOL_MAX ?? 10),
  onnotice: () => {},
});

const server = createServer(async (request, response) => {
  const match = request.method === 'GET' ? LIST_PATH.exec(request.url ?? '') : null;
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  try {
    const rows = await sql.unsafe(
      LIST_SQL,
      [decodeURIComponent(match[1]), false, Number(match[2]), LIMIT],
      {
        prepare: false,
      },
    );
    const total = Number(rows[0]?.count ?? 0);
    const items = rows.map(({ count: _count, ...task }) => task);
    const next = items.length < total ? items.length : null;
    const body = JSON.stringify({ items, total, limit: LIMIT, offset: 0, next_offset: next });
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});

server.listen(Number(process.env.PORT ?? 8100), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close(() => sql.end({ timeout: 5 }).then(() => process.exit(0)));
  server.closeAllConnections();
});
