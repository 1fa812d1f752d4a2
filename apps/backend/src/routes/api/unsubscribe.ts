import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, UnsubscribeBody } from '@todo/contract';
import Type from 'typebox';
import { refused } from '../../lib/refused.js';
import { verifyUnsubscribeToken } from '../../notifications/unsubscribe-token.js';

/**
 * The digest email's unsubscribe link, posted by the frontend's page it opens. No bearer token:
 * the link's token is the credential, and all it can do is turn that user's digest off.
 */
const unsubscribe: FastifyPluginAsyncTypebox<{ secret: string }> = async (app, { secret }) => {
  app.post(
    '/',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Turn the daily digest off, from the link in a digest email',
        description:
          'The token from the link (`/unsubscribe?token=…`) names the user and is signed by the ' +
          'server; a token it did not sign is a 400 and changes nothing. Answers 204 however ' +
          'often it is used.',
        body: UnsubscribeBody,
        response: {
          204: Type.Null(),
          400: Type.Object(Problem.properties, { description: 'Not a token this server signed' }),
          413: Problem,
          422: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const userId = verifyUnsubscribeToken(secret, request.body.token);
      if (!userId)
        throw refused(400, 'token: not a valid unsubscribe link; open the newest digest’s link');
      await app.settingsRepository.turnDigestOff(userId);
      return reply.code(204).send(null);
    },
  );
};

export default unsubscribe;
