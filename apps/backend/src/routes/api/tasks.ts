import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CompleteTaskQuery,
  CreateTaskBody,
  ListTasksQuery,
  PatchTaskBody,
  TaskList,
  TaskParams,
  taskEtag,
  UpdateTaskBody,
  UserParams,
} from '@todo/contract';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { parseIfMatch } from '../../lib/if-match.js';
import { sendProblem } from '../../plugins/problem-details.js';
import type { Versions, WriteResult } from '../../repositories/tasks-repository.js';
import {
  conditionalErrorResponses,
  errorResponses,
  IfMatchHeaders,
  security,
  TaskWithEtag,
} from './responses.js';

/** Sends a task with its ETag, or the problem that stopped the request. */
function sendTask(reply: FastifyReply, result: WriteResult, status = 200) {
  // Someone else's task and a missing one get the same answer: existence is never revealed.
  if (!result) return sendProblem(reply, 404, 'No such task');
  if (result === 'stale') {
    return sendProblem(
      reply,
      412,
      'The task has changed since the version in If-Match: read it again, then retry',
    );
  }
  return reply.code(status).header('etag', taskEtag(result.version)).send(result);
}

/** The versions a write may apply to, from its If-Match header. */
function versionsFrom(headers: { 'if-match'?: string | undefined }): Versions {
  const versions = parseIfMatch(headers['if-match']);
  if (versions !== 'invalid') return versions;
  // The error handler answers a 4xx error as a problem with this detail.
  throw Object.assign(new Error('If-Match must be * or a list of quoted ETags, such as "3"'), {
    statusCode: 400,
  });
}

const tasks: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.tasksRepository;
  const common = { tags: ['tasks'], security };

  app.get(
    '/',
    {
      schema: {
        ...common,
        summary: 'List tasks: filter, search, sort and page',
        params: UserParams,
        querystring: ListTasksQuery,
        response: { 200: TaskList, ...errorResponses },
      },
    },
    async (request) => repo.list(request.userId, request.query),
  );

  app.post(
    '/',
    {
      schema: {
        ...common,
        summary: 'Create a task',
        params: UserParams,
        body: CreateTaskBody,
        response: { 201: TaskWithEtag, ...errorResponses },
      },
    },
    async (request, reply) => sendTask(reply, await repo.create(request.userId, request.body), 201),
  );

  app.get(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'One task',
        params: TaskParams,
        response: { 200: TaskWithEtag, ...errorResponses },
      },
    },
    async (request, reply) => sendTask(reply, await repo.get(request.userId, request.params.id)),
  );

  app.put(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Replace a task (fields left out take their defaults)',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: UpdateTaskBody,
        response: { 200: TaskWithEtag, ...conditionalErrorResponses },
      },
    },
    async (request, reply) =>
      sendTask(
        reply,
        await repo.replace(
          request.userId,
          request.params.id,
          request.body,
          versionsFrom(request.headers),
        ),
      ),
  );

  app.patch(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Change some fields of a task',
        params: TaskParams,
        headers: IfMatchHeaders,
        body: PatchTaskBody,
        response: { 200: TaskWithEtag, ...conditionalErrorResponses },
      },
    },
    async (request, reply) =>
      sendTask(
        reply,
        await repo.patch(
          request.userId,
          request.params.id,
          request.body,
          versionsFrom(request.headers),
        ),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Delete a task',
        params: TaskParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...conditionalErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await repo.remove(
        request.userId,
        request.params.id,
        versionsFrom(request.headers),
      );
      return result && result !== 'stale' ? reply.code(204).send(null) : sendTask(reply, result);
    },
  );

  app.patch(
    '/:id/complete',
    {
      schema: {
        ...common,
        summary:
          'Toggle completion; completing a repeating task creates its next occurrence, and ' +
          '?subtasks=complete completes its open subtasks with it',
        params: TaskParams,
        querystring: CompleteTaskQuery,
        headers: IfMatchHeaders,
        response: { 200: TaskWithEtag, ...conditionalErrorResponses },
      },
    },
    async (request, reply) =>
      sendTask(
        reply,
        await repo.toggle(request.userId, request.params.id, versionsFrom(request.headers), {
          withSubtasks: request.query.subtasks === 'complete',
        }),
      ),
  );
};

export default tasks;
