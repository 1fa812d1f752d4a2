import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CompleteTaskQuery,
  CreateTaskBody,
  ListTasksQuery,
  PatchTaskBody,
  TaskList,
  TaskParams,
  UpdateTaskBody,
  UserParams,
} from '@todo/contract';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { versionsFrom } from '../../lib/if-match.js';
import { refused } from '../../lib/refused.js';
import type { JsonAnswer } from '../../repositories/task-json.js';
import type { WriteResult } from '../../repositories/tasks-repository.js';
import {
  conditionalErrorResponses,
  errorResponses,
  IfMatchHeaders,
  security,
  TaskWithEtag,
} from './responses.js';
import { sendJson, sendVersioned } from './send-versioned.js';

const sendTask = (reply: FastifyReply, result: WriteResult | JsonAnswer | null, status = 200) =>
  sendVersioned(reply, result, 'task', status);

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
    async (request, reply) => sendJson(reply, await repo.list(request.userId, request.query)),
  );

  app.post(
    '/',
    {
      schema: {
        ...common,
        summary: 'Create a task, or quick add one from a line of text',
        description:
          'Send the task’s fields, or `text`: one line read by quick add in `time_zone` ' +
          '("Pay rent tomorrow 9am every month p1 #Home @bills"; grammar in docs/quick-add.md). ' +
          'Fields sent beside `text` win over what it says. `#Project` names one of the user’s ' +
          'projects, ignoring case; an unknown one, or a line that leaves no title, is a 422 and ' +
          'nothing is created. Without `project_id` the task goes to the Inbox; with only ' +
          '`parent_id` it is a subtask in its parent’s project.',
        params: UserParams,
        body: CreateTaskBody,
        response: { 201: TaskWithEtag, ...errorResponses },
      },
      // Both shapes at once would fail each branch for the other's field: say it plainly.
      preValidation: async (request) => {
        const body = request.body;
        if (body && typeof body === 'object' && 'title' in body && 'text' in body) {
          throw refused(422, 'Send title or text (quick add), not both');
        }
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
    async (request, reply) =>
      sendTask(reply, await repo.getJson(request.userId, request.params.id)),
  );

  app.put(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Replace a task (fields left out take their defaults)',
        description:
          'PUT replaces the whole task: without `project_id` it goes back to the Inbox (or to ' +
          'its parent’s project when `parent_id` is sent), without `parent_id` it is top level, ' +
          'without `repeat`/`recurrence` it does not repeat, without `time_zone` it is UTC. ' +
          'Moving a task with subtasks to another project moves them with it.',
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
        description:
          'Only the fields sent change. Moving a task with subtasks to another project moves ' +
          'them with it; a subtask stays in its parent’s project. A task with subtasks cannot ' +
          'become a subtask (one level).',
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
        description: 'Deleting a task deletes its subtasks with it (ON DELETE CASCADE).',
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
