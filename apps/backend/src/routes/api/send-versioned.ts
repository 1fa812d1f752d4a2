import { taskEtag } from '@todo/contract';
import type { FastifyReply } from 'fastify';
import { sendProblem } from '../../plugins/problem-details.js';
import type { JsonAnswer } from '../../repositories/task-json.js';

/**
 * Sends a task or project with its ETag (its version, quoted: the same for both), or the problem
 * that stopped the write: null is 404, 'stale' is 412.
 */
export function sendVersioned(
  reply: FastifyReply,
  result: { version: number } | JsonAnswer | null | 'stale',
  noun: 'task' | 'project',
  status = 200,
) {
  // Someone else's and a missing one get the same answer: existence is never revealed.
  if (!result) return sendProblem(reply, 404, `No such ${noun}`);
  if (result === 'stale') {
    return sendProblem(
      reply,
      412,
      `The ${noun} has changed since the version in If-Match: read it again, then retry`,
    );
  }
  const answer = reply.code(status).header('etag', taskEtag(result.version));
  return 'json' in result ? sendJson(answer, result.json) : answer.send(result);
}

/**
 * Sends JSON text PostgreSQL wrote (repositories/task-json.ts) as it is: a string with a JSON
 * content type skips the response serialiser.
 */
export const sendJson = (reply: FastifyReply, json: string) =>
  reply.type('application/json; charset=utf-8').send(json);
