import { BOSS_SCHEMA } from '@todo/db/boss';
import PgBoss from 'pg-boss';

/** A pg-boss client on the test database that only sends jobs (no schedule, no maintenance). */
export async function startBossClient(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    migrate: false,
    schedule: false,
    supervise: false,
    max: 1,
  });
  await boss.start();
  return boss;
}
