// Seeds the benchmark's users and tasks in a few bulk inserts and signs one token per user.
import { signAccessToken } from '../packages/contract/dist/index.js';

const PRIORITIES = ['low', 'medium', 'high'];
const TAGS = ['work', 'home', 'errands', 'health', 'finance', 'urgent', 'reading', 'travel'];
const DAY = 86_400_000;
const PROJECTS_PER_USER = 3;
const CHUNK = 2_000;

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds the same data. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function task(userId, projectId, index, next, now) {
  const completed = next() < 0.25;
  const tags = TAGS.filter(() => next() < 0.2).slice(0, 3);
  return {
    user_id: userId,
    project_id: projectId,
    title: `Task ${index + 1} of ${userId}`,
    description: next() < 0.5 ? `Notes for task ${index + 1}: call, check, write back.` : null,
    completed,
    completed_at: completed ? new Date(now - Math.floor(next() * 10) * DAY) : null,
    priority: PRIORITIES[Math.floor(next() * 3)],
    tags,
    // One in five without a due date; the rest from 30 days ago to 60 days ahead.
    due_at: next() < 0.2 ? null : new Date(now + Math.floor((next() * 90 - 30) * DAY)),
    rrule: next() < 0.05 ? 'FREQ=WEEKLY' : null,
  };
}

/**
 * Gives each of `userIds` (existing users) three projects (the Inbox, Work, Home) and
 * `tasksPerUser` tasks dealt between them in turn, one in ten a subtask. Returns each user's
 * project ids (by position) and task ids.
 */
export async function seedTasks(sql, userIds, { tasksPerUser, seed = 20_260_101 }) {
  const next = random(seed);
  const now = Date.now();
  const projects = await sql`
    insert into projects (user_id, name, is_inbox, position)
    select u.id, p.name, p.position = 0, p.position
    from "user" as u, (values ('Inbox', 0), ('Work', 1), ('Home', 2)) as p(name, position)
    where u.id in ${sql(userIds)}
    returning id, user_id, position`;
  const projectsOf = new Map();
  for (const row of projects) {
    const ids = projectsOf.get(row.user_id) ?? [];
    ids[row.position] = row.id;
    projectsOf.set(row.user_id, ids);
  }
  const rows = userIds.flatMap((id) =>
    Array.from({ length: tasksPerUser }, (_, i) =>
      task(id, projectsOf.get(id)[i % PROJECTS_PER_USER], i, next, now),
    ),
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await sql`insert into tasks ${sql(rows.slice(i, i + CHUNK))}`;
  }
  // One task in ten a subtask of a task of the same user and project (nine places back, a
  // multiple of the three projects), so the list counts real subtasks.
  await sql`
    update tasks as child set parent_id = parent.id
    from tasks as parent
    where child.user_id in ${sql(userIds)} and child.id % 10 = 9
      and parent.id = child.id - 9 and parent.user_id = child.user_id`;
  await sql`analyze tasks`;
  const ids = await sql`
    select user_id, array_agg(id order by id) as ids from tasks
    where user_id in ${sql(userIds)} group by user_id`;
  return { projectsOf, idsOf: new Map(ids.map((row) => [row.user_id, row.ids])) };
}

/**
 * Replaces the `bench-` users (their tasks go with them by cascade) with `users` fresh ones of
 * `tasksPerUser` tasks each. Returns the users with a token and their task ids, and the highest
 * seeded task id (tasks above it were created by the run and can be deleted between scenarios).
 */
export async function seed(sql, { users, tasksPerUser, secret, tokenTtlSeconds }) {
  await sql`delete from "user" where id like 'bench-%'`;
  const userRows = Array.from({ length: users }, (_, i) => {
    const id = `bench-${String(i + 1).padStart(3, '0')}`;
    return { id, name: `Bench user ${i + 1}`, email: `${id}@bench.test`, email_verified: true };
  });
  await sql`insert into "user" ${sql(userRows)}`;
  // The list scenario reads one project (Work), as a project's page does.
  const { projectsOf, idsOf } = await seedTasks(
    sql,
    userRows.map((user) => user.id),
    { tasksPerUser },
  );
  const [{ max }] = await sql`select coalesce(max(id), 0)::int as max from tasks`;
  const seeded = await Promise.all(
    userRows.map(async ({ id }) => ({
      id,
      token: await signAccessToken(secret, id, { ttlSeconds: tokenTtlSeconds }),
      taskIds: idsOf.get(id) ?? [],
      /** Work: the project the list scenario reads. */
      projectId: projectsOf.get(id)[1],
    })),
  );
  return { users: seeded, maxSeededId: max };
}
