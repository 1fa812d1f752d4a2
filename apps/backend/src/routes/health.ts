import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@todo/contract';
import Type from 'typebox';
import { sendProblem } from '../plugins/problem-details.js';

const Status = Type.Object({ status: Type.String() });

/** Liveness never touches the database; readiness does. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: 200 while the process serves',
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: 200 when the database answers, 503 otherwise',
        response: { 200: Status, 503: Problem },
      },
    },
    async (request, reply) => {
      try {
        await app.pingDatabase();
        return { status: 'ready' };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return sendProblem(reply, 503, 'The database is not reachable');
      }
    },
  );
};

export default health;
