const KEY = Symbol.for('todo-frontend.drain');

/**
 * Aborted when the server starts draining (SIGTERM, graceful-shutdown.ts). Long-lived answers
 * (the live event stream) end on it: Next's shutdown waits for every open connection, and a
 * stream left open would hold the pod until its SIGKILL. Kept on globalThis because the
 * instrumentation hook and the route handlers are bundled apart but run in one process.
 */
export function drainController(): AbortController {
  const holder = globalThis as { [KEY]?: AbortController };
  holder[KEY] ??= new AbortController();
  return holder[KEY];
}
