import { createDatabase } from '@todo/db/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  createProjectsRepository,
  type ProjectsRepository,
} from '../repositories/projects-repository.js';
import { createTasksRepository, type TasksRepository } from '../repositories/tasks-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    tasksRepository: TasksRepository;
    projectsRepository: ProjectsRepository;
    /** Resolves when the database answers a trivial query, rejects otherwise. */
    pingDatabase(): Promise<void>;
  }
}

export interface DatabaseOptions {
  url: string;
  poolMax: number;
}

/** The connection pool and the repositories over it; the pool closes with the app. */
async function database(app: FastifyInstance, options: DatabaseOptions) {
  const { db, sql, close } = createDatabase(options.url, {
    max: options.poolMax,
    connectTimeoutSeconds: 3,
    statementTimeoutMs: 5_000,
    applicationName: 'todo-backend',
  });
  app.decorate('tasksRepository', createTasksRepository(db, app.observeDatabase));
  app.decorate('projectsRepository', createProjectsRepository(db, app.observeDatabase));
  app.decorate('pingDatabase', async () => {
    await sql`select 1`;
  });
  app.addHook('onClose', async () => close());
}

export default fp(database, { name: 'database', dependencies: ['metrics'] });
