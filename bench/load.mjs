// The load generator, in a process of its own (run.mjs forks it) so that autocannon never shares
// an event loop with the server it measures. Receives one job over IPC, answers with the figures.
import autocannon from 'autocannon';

const pick = (items) => items[Math.floor(Math.random() * items.length)];
const PRIORITIES = ['low', 'medium', 'high'];

/** One request of `kind` as a random seeded user, on one of that user's own tasks. */
function request(kind, users) {
  const user = pick(users);
  const base = `/api/${user.id}/tasks`;
  const headers = { authorization: `Bearer ${user.token}` };
  switch (kind) {
    case 'list':
      return {
        method: 'GET',
        path: `${base}?status=pending&sort=due&project=${user.projectId}`,
        headers,
      };
    case 'page':
      // A page of the frontend (the user's `path`, else the tasks page), signed in with the
      // user's session cookie; the bare reference's users have none.
      return {
        method: 'GET',
        path: user.path ?? '/',
        headers: user.cookie ? { cookie: user.cookie } : {},
      };
    case 'get':
      return { method: 'GET', path: `${base}/${pick(user.taskIds)}`, headers };
    case 'toggle':
      return { method: 'PATCH', path: `${base}/${pick(user.taskIds)}/complete`, headers };
    case 'create': {
      const body = {
        title: `Benchmark task ${Math.random().toString(36).slice(2, 10)}`,
        priority: pick(PRIORITIES),
        tags: ['bench'],
        due_at: new Date(Date.now() + Math.floor(Math.random() * 30) * 86_400_000).toISOString(),
      };
      headers['content-type'] = 'application/json';
      return { method: 'POST', path: base, headers, body: JSON.stringify(body) };
    }
    default:
      throw new Error(`unknown request kind ${kind}`);
  }
}

/** 80% reads (list and get), 20% writes (create and toggle). */
function mixedKind() {
  const roll = Math.random();
  if (roll < 0.4) return 'list';
  if (roll < 0.8) return 'get';
  return roll < 0.9 ? 'create' : 'toggle';
}

function run({ url, scenario, users, connections, duration, amount }) {
  const kind = scenario === 'mixed' ? mixedKind : () => scenario;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration,
        // A number of requests instead of a duration (autocannon then ignores the duration).
        ...(amount > 0 ? { amount } : {}),
        timeout: 10,
        requests: [{ setupRequest: (req) => ({ ...req, ...request(kind(), users) }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

process.once('message', async (job) => {
  try {
    if (job.warmup > 0) {
      await run({ ...job, duration: job.warmup });
      // The caller reads the server's CPU time from here: the warm-up is not part of the figures.
      process.send({ warmedUp: true });
    }
    const result = await run(job);
    const requests = result['2xx'] + result.non2xx;
    process.send({
      requestsPerSecond: Math.round((requests / result.duration) * 10) / 10,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests,
      errors: result.non2xx + result.errors + result.timeouts,
      non2xx: result.non2xx,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      seconds: result.duration,
    });
  } catch (error) {
    process.send({ failure: String(error?.stack ?? error) });
  }
  process.disconnect();
});
