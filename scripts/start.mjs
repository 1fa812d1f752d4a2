// `npm start`: builds if needed, then runs PostgreSQL, todo-backend and todo-frontend locally and
// stops them all on Ctrl-C. Logs go to .data/logs/.
import { buildIfStale } from './build-if-stale.mjs';
import { startStack } from './stack.mjs';

buildIfStale();
console.log(process.env.DATABASE_URL ? 'Using DATABASE_URL.' : 'Starting the embedded PostgreSQL…');
let stack;
try {
  stack = await startStack({
    backendPort: Number(process.env.BACKEND_PORT ?? 8000),
    frontendPort: Number(process.env.PORT ?? 3000),
  });
} catch (error) {
  // Every failure startStack reports is one line saying what to do (and which log to read).
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (stack.postgresNote) console.log(stack.postgresNote);

console.log(`
  PostgreSQL     ${stack.postgresDataDir ?? 'DATABASE_URL'}
  todo-backend   ${stack.backendUrl}  (API docs: ${stack.backendUrl}/docs)
  todo-frontend  ${stack.frontendUrl}

  Open ${stack.frontendUrl} — Ctrl-C stops everything. Logs: ${stack.logDir}
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
for (const [name, child] of [
  ['todo-backend', stack.backend],
  ['todo-frontend', stack.frontend],
]) {
  child?.once('exit', (code) => {
    if (stopping) return;
    console.error(`${name} exited unexpectedly (code ${code}); see ${stack.logDir}`);
    void shutdown();
  });
}
