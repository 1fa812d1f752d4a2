import { createDatabase, type Database } from '@todo/db/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  createPushSubscriptionsRepository,
  type PushSubscriptionsRepository,
} from '../notifications/push-subscriptions-repository.js';
import { createQueue, type Queue } from '../notifications/queue.js';
import {
  createSettingsRepository,
  type SettingsRepository,
} from '../notifications/settings-repository.js';
import {
  createProjectsRepository,
  type ProjectsRepository,
} from '../repositories/projects-repository.js';
import { createTasksRepository, type TasksRepository } from '../repositories/tasks-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    tasksRepository: TasksRepository;
    projectsRepository: ProjectsRepository;
    settingsRepository: SettingsRepository;
    pushSubscriptionsRepository: PushSubscriptionsRepository;
    /** The reminder queue (pg-boss): written in task transactions, worked by plugins/reminders.ts. */
    queue: Queue;
    /** The pool, for the reminder worker (request handlers go through the repositories). */
    db: Database;
    /** Resolves when the database answers a trivial query, rejects otherwise. */
    pingDatabase(): Promise<void>;
  }
}

export interface DatabaseOptions {
  url: string;
  poolMax: number;
  /** REMINDER_JOB_TIMEOUT_SECONDS (default 60). */
  jobTimeoutSeconds?: number | undefined;
}

/** The connection pool and the repositories over it; the pool closes with the app. */
async function database(app: FastifyInstance, options: DatabaseOptions) {
  const { db, sql, close } = createDatabase(options.url, {
    max: options.poolMax,
    connectTimeoutSeconds: 3,
    statementTimeoutMs: 5_000,
    applicationName: 'todo-backend',
  });
  const queue = createQueue({
    url: options.url,
    jobTimeoutSeconds: options.jobTimeoutSeconds ?? 60,
  });
  app.decorate('queue', queue);
  app.decorate('db', db);
  app.decorate('tasksRepository', createTasksRepository(db, queue.jobs));
  app.decorate('projectsRepository', createProjectsRepository(db, queue.jobs));
  app.decorate('settingsRepository', createSettingsRepository(db));
  app.decorate('pushSubscriptionsRepository', createPushSubscriptionsRepository(db));
  app.decorate('pingDatabase', async () => {
    await sql`select 1`;
  });
  app.addHook('onClose', async () => close());
}

export default fp(database, { name: 'database' });
