// The page scenarios' people: signed up through the frontend as a browser does (so each has a
// real Better Auth session cookie), then given their projects and tasks in bulk (bench/seed.mjs).
import { seedTasks } from '../seed.mjs';

async function signUp(origin, label) {
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      name: `Page bench ${label}`,
      email: `page-bench-${label}-${Date.now()}@bench.test`,
      password: `page-bench-${label}-password`,
    }),
  });
  if (!response.ok) throw new Error(`sign-up of page user ${label} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { id: (await response.json()).user.id, cookie };
}

/**
 * `count` signed-up users with `tasksPerUser` tasks each (before any page is asked for, so the
 * backend has not made an Inbox yet). Each carries its session cookie and its Work project's id.
 */
export async function pageUsers(sql, origin, { label, count, tasksPerUser }) {
  const users = [];
  for (let i = 0; i < count; i += 1) users.push(await signUp(origin, `${label}-${i + 1}`));
  const { projectsOf } = await seedTasks(
    sql,
    users.map((user) => user.id),
    { tasksPerUser, seed: tasksPerUser },
  );
  return users.map((user) => ({ ...user, projectId: projectsOf.get(user.id)[1] }));
}
