import { describe, expect, it } from 'vitest';
import { accountFor } from './support/accounting.js';
import { TEST_SECRET } from './support/backend.js';
import { useBackendOnFreshDatabase } from './support/backend-fixture.js';
import { isSuccess, startLoad, tally } from './support/load.js';

/** terminationGracePeriodSeconds of the backend chart: Kubernetes SIGKILLs after this. */
const TERMINATION_GRACE_MS = 30_000;
const USERS = ['drain-user-1', 'drain-user-2', 'drain-user-3', 'drain-user-4'];
const SHUTDOWN_MESSAGE = 'shutting down: draining in-flight requests';

describe('graceful shutdown (production build, real PostgreSQL)', () => {
  // Request logging (info) is how the server tells which requests it accepted before the signal.
  const fixture = useBackendOnFreshDatabase(USERS, { logLevel: 'info', stopGraceMs: 1_000 });

  it('SIGTERM under load: every request accepted before the signal completes 2xx, later ones are refused cleanly, the process exits 0 within the grace period', async () => {
    const { backend, sql } = fixture();
    const run = startLoad({
      baseUrl: backend.url,
      users: USERS,
      secret: TEST_SECRET,
      connections: 32,
      durationMs: 60_000,
      label: 'drain',
      // Once the server refuses or drops a request, that worker stops: the server is going away.
      onFailure: 'stop',
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const signalledAt = Date.now();
    process.kill(backend.pid, 'SIGTERM');
    const { code, signal } = await Promise.race([
      backend.closed,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error('no exit within the grace period')),
          TERMINATION_GRACE_MS,
        ),
      ),
    ]);
    const exitedAfterMs = Date.now() - signalledAt;
    const exchanges = await run.stop();
    console.log(`drain: exit ${code} after ${exitedAfterMs} ms`, tally(exchanges));

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(exitedAfterMs).toBeLessThan(TERMINATION_GRACE_MS);

    // The server's own account, in log order: what it accepted before it began shutting down.
    const lines = backend.logLines();
    const shutdownAt = lines.findIndex((line) => line.msg === SHUTDOWN_MESSAGE);
    expect(shutdownAt, 'the shutdown log line').toBeGreaterThan(0);
    const accepted = new Set<string>();
    const completedAfterSignal = new Set<string>();
    lines.forEach((line, index) => {
      const id = String(line.request_id);
      // Only the load's requests: the start-up /health polls carry ids of their own.
      if (!id.startsWith('drain-')) return;
      if (line.msg === 'incoming request' && index < shutdownAt) accepted.add(id);
      if (line.msg === 'request completed' && index > shutdownAt && accepted.has(id)) {
        completedAfterSignal.add(id);
      }
    });
    // The test proves something only if requests were in flight when the signal arrived.
    expect(completedAfterSignal.size, 'requests in flight at the signal').toBeGreaterThan(0);

    const byId = new Map(exchanges.map((exchange) => [exchange.requestId, exchange]));
    const broken = [...accepted].flatMap((id) => {
      const exchange = byId.get(id);
      if (exchange && isSuccess(exchange)) return [];
      return [`${id}: ${exchange ? (exchange.status ?? exchange.error) : 'never answered'}`];
    });
    expect(broken, 'requests accepted before SIGTERM that did not succeed').toEqual([]);

    // Whatever came after the signal was refused (503 while closing, or no connection), never a
    // 500, never left hanging.
    for (const exchange of exchanges) {
      if (isSuccess(exchange)) continue;
      expect(accepted.has(exchange.requestId)).toBe(false);
      if (exchange.status !== undefined) expect(exchange.status).toBe(503);
      else expect(exchange.error).toMatch(/^(ECONNREFUSED|ECONNRESET|EPIPE|ABORTED)$/);
      expect(exchange.endedAt).toBeGreaterThanOrEqual(signalledAt);
    }
    console.log(
      `drain: ${accepted.size} requests accepted before the signal, ${completedAfterSignal.size} of them finished after it`,
    );

    // And what was acknowledged is stored.
    const accounting = await accountFor(exchanges, sql, USERS);
    expect(accounting.mismatches.slice(0, 20)).toEqual([]);
  });
});
