import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** OpenAPI generated from the route schemas that also validate requests; UI at /docs. */
async function apiDocs(app: FastifyInstance) {
  await app.register(swagger, {
    // A route declared as '/' under a prefix answers with and without the trailing slash; the
    // document names it as the API does, without one: /api/{user_id}/tasks, not …/tasks/.
    transform: ({ schema, url }) => ({
      schema,
      url: url.length > 1 ? url.replace(/\/$/, '') : url,
    }),
    openapi: {
      info: {
        title: 'todo-backend',
        version: '1.0.0',
        description:
          'Tasks of each user. Every /api route needs `Authorization: Bearer <HS256 JWT>` with ' +
          'iss=todo-frontend, aud=todo-backend, sub=<user id>, signed with the key derived from ' +
          "BETTER_AUTH_SECRET by HKDF-SHA256 (empty salt, info 'todo-backend access token v1', " +
          '32 bytes), never with the secret itself.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}

export default fp(apiDocs, { name: 'api-docs' });
