import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';
import { drainController } from './drain-signal';

/**
 * A drain in front of Next.js's own SIGTERM handler. In Kubernetes a pod's open keep-alive
 * connections keep carrying requests after it has left the Service (kube-proxy's conntrack keeps
 * them on the pod). Next's handler stops listening and closes idle connections at once, so a
 * request already on its way on one is reset; and it never closes a busy one, so under load the
 * pod runs into its SIGKILL (both seen in tests/rollout/rolling-update.test.ts). Instead, after
 * SIGTERM every answer closes its connection, idle connections are left to the server's
 * keep-alive timeout (which clients see coming in the `Keep-Alive: timeout` header), and Next's
 * handler runs once no connection is left (or that timeout has passed): it finds nothing to cut
 * and exits with 143, its code for SIGTERM.
 */

/** Node's default keep-alive timeout; the standalone server keeps it unless KEEP_ALIVE_TIMEOUT is set. */
const NODE_KEEP_ALIVE_TIMEOUT_MS = 5_000;

const openConnections = (server: Server | undefined) =>
  new Promise<number>((resolve) => {
    if (!server) resolve(0);
    else server.getConnections((error, count) => resolve(error ? 0 : count));
  });

/**
 * Installs the drain. Without a handler of Next's (next dev, or NEXT_MANUAL_SIG_HANDLE set) there
 * is nothing to put it in front of.
 */
export function drainBeforeShutdown(): void {
  const nextHandlers = process.listeners('SIGTERM');
  if (nextHandlers.length === 0) return;
  let draining = false;
  let server: Server | undefined;
  // Node's own instrumentation hook sees every request of the server Next created.
  subscribe('http.server.request.start', (message) => {
    const request = message as { response: ServerResponse; server: Server };
    server ??= request.server;
    if (draining) request.response.setHeader('connection', 'close');
  });
  // Added before Next's are removed: with no listener left for a moment Node stops watching the
  // signal, and a SIGTERM arriving just then would be lost.
  process.on('SIGTERM', async () => {
    if (draining) return;
    draining = true;
    drainController().abort();
    const timeoutMs = (server?.keepAliveTimeout || NODE_KEEP_ALIVE_TIMEOUT_MS) + 250;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (await openConnections(server)) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const handler of nextHandlers) handler('SIGTERM');
  });
  for (const handler of nextHandlers) process.removeListener('SIGTERM', handler);
}
