import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateTaskBody,
  ListTasksQuery,
  PatchTaskBody,
  Task,
  TaskList,
  TaskParams,
  UpdateTaskBody,
  UserParams,
} from '@todo/contract';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { sendProblem } from '../../plugins/problem-details.js';
import { errorResponses, security } from './responses.js';

// Someone else's task and a missing one get the same answer: existence is never revealed.
const taskOr404 = (reply: FastifyReply, task: Task | null) =>
  task ?? sendProblem(reply, 404, 'No such task');

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
        response: { 201: Task, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await repo.create(request.userId, request.body)),
  );

  app.get(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'One task',
        params: TaskParams,
        response: { 200: Task, ...errorResponses },
      },
    },
    async (request, reply) => taskOr404(reply, await repo.get(request.userId, request.params.id)),
  );

  app.put(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Replace a task (fields left out take their defaults)',
        params: TaskParams,
        body: UpdateTaskBody,
        response: { 200: Task, ...errorResponses },
      },
    },
    async (request, reply) =>
      taskOr404(reply, await repo.replace(request.userId, request.params.id, request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Change some fields of a task',
        params: TaskParams,
        body: PatchTaskBody,
        response: { 200: Task, ...errorResponses },
      },
    },
    async (request, reply) =>
      taskOr404(reply, await repo.patch(request.userId, request.params.id, request.body)),
  );

  app.delete(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Delete a task',
        params: TaskParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      (await repo.remove(request.userId, request.params.id))
        ? reply.code(204).send(null)
        : sendProblem(reply, 404, 'No such task'),
  );

  app.patch(
    '/:id/complete',
    {
      schema: {
        ...common,
        summary: 'Toggle completion; completing a recurring task creates its next occurrence',
        params: TaskParams,
        response: { 200: Task, ...errorResponses },
      },
    },
    async (request, reply) =>
      taskOr404(reply, await repo.toggle(request.userId, request.params.id)),
  );
};

export default tasks;
