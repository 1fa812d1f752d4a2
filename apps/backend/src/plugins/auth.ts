import { AccessTokenError, createAccessTokenVerifier, type TokenScope } from '@todo/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './problem-details.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified token's subject: the Better Auth user id. */
    userId: string;
    /** What the credential behind the token allows; `read` is refused every other method (403). */
    tokenScope: TokenScope;
    /** The credential the call was made with (a personal access token, an OAuth grant), if any. */
    credentialId: string | undefined;
  }
  interface FastifyInstance {
    /**
     * onRequest hook: 401 without a valid token; 403 when the path's user_id is not its subject,
     * or when a read-scoped token asks to change something.
     */
    requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

// The scheme name is case-insensitive (RFC 9110 §11.1): `bearer <token>` is the same credential.
const BEARER = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)$/i;

const READ_METHODS = new Set(['GET', 'HEAD']);

async function auth(app: FastifyInstance, options: { secret: string }) {
  const verify = createAccessTokenVerifier(options.secret);
  app.decorateRequest('userId', '');
  app.decorateRequest('tokenScope', 'write');
  app.decorateRequest('credentialId', undefined);
  app.decorate('requireUser', async (request: FastifyRequest, reply: FastifyReply) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, 401, 'An Authorization: Bearer <token> header is required');
    }
    try {
      const claims = await verify(match[1]);
      request.userId = claims.userId;
      request.tokenScope = claims.scope;
      request.credentialId = claims.credentialId;
    } catch (error) {
      if (!(error instanceof AccessTokenError)) throw error;
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return sendProblem(reply, 401, error.message);
    }
    const { user_id: pathUserId } = request.params as { user_id?: string };
    if (pathUserId !== request.userId) {
      return sendProblem(reply, 403, "The path's user_id is not the token's subject");
    }
    if (request.tokenScope === 'read' && !READ_METHODS.has(request.method)) {
      return sendProblem(reply, 403, 'This token can only read: it was given the read scope');
    }
  });
}

export default fp(auth, { name: 'auth', dependencies: ['problem-details'] });
