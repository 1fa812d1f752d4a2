import { describe, expect, it } from 'vitest';
import { accountFor } from './support/accounting.js';
import { TEST_SECRET } from './support/backend.js';
import { useBackendOnFreshDatabase } from './support/backend-fixture.js';
import { type Exchange, startLoad, tally } from './support/load.js';

const CONNECTIONS = 32;
const DURATION_MS = 20_000;
const USERS = Array.from({ length: 8 }, (_, index) => `load-user-${index + 1}`);
const EXPECTED_STATUS = { create: 201, patch: 200, put: 200, toggle: 200, delete: 204 } as const;

describe('load with accounting (production build, real PostgreSQL)', () => {
  const fixture = useBackendOnFreshDatabase(USERS);

  it(`${CONNECTIONS} connections of mixed create/update/toggle/delete for ${DURATION_MS / 1000} s: every acknowledged write is stored exactly as acknowledged, nothing else is, zero 5xx`, async () => {
    const { backend, sql } = fixture();
    const run = startLoad({
      baseUrl: backend.url,
      users: USERS,
      secret: TEST_SECRET,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      label: 'load',
      recurring: true,
    });
    const exchanges = await run.done;
    const counts = tally(exchanges);
    const seconds = DURATION_MS / 1000;
    console.log(
      `load: ${exchanges.length} requests in ${seconds} s (${Math.round(exchanges.length / seconds)}/s) over ${CONNECTIONS} connections`,
      counts,
    );

    // Every request got the answer its operation should: no 5xx, no 4xx, no network error.
    const unexpected = exchanges.filter(
      (exchange: Exchange) =>
        exchange.op === 'probe' || exchange.status !== EXPECTED_STATUS[exchange.op],
    );
    expect(
      unexpected
        .slice(0, 10)
        .map((e) => `${e.method} ${e.path} → ${e.status ?? e.error} ${e.text ?? ''}`),
    ).toEqual([]);
    expect(exchanges.filter((exchange) => (exchange.status ?? 0) >= 500)).toHaveLength(0);
    // It was load: every kind of write, many times over.
    for (const op of Object.keys(EXPECTED_STATUS)) {
      expect(
        counts[`${op} ${EXPECTED_STATUS[op as keyof typeof EXPECTED_STATUS]}`] ?? 0,
        op,
      ).toBeGreaterThan(50);
    }

    const accounting = await accountFor(exchanges, sql, USERS);
    console.log('load: accounting', { ...accounting, mismatches: accounting.mismatches.length });
    expect(accounting.mismatches.slice(0, 20)).toEqual([]);
    expect(accounting.uncertainWrites).toBe(0);
    expect(accounting.acknowledgedWrites).toBe(exchanges.length);
    expect(backend.running()).toBe(true);
  });
});
