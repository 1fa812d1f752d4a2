import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateProjectBody,
  DeleteProjectQuery,
  ListProjectsQuery,
  PatchProjectBody,
  ProjectList,
  ProjectParams,
  UserParams,
} from '@todo/contract';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { versionsFrom } from '../../lib/if-match.js';
import type { ProjectWriteResult } from '../../repositories/projects-repository.js';
import {
  conditionalProjectErrorResponses,
  IfMatchHeaders,
  ProjectWithEtag,
  projectErrorResponses,
  security,
} from './responses.js';
import { sendVersioned } from './send-versioned.js';

const sendProject = (reply: FastifyReply, result: ProjectWriteResult, status = 200) =>
  sendVersioned(reply, result, 'project', status);

const projects: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.projectsRepository;
  const common = { tags: ['projects'], security };

  app.get(
    '/',
    {
      schema: {
        ...common,
        summary: 'List projects in sidebar order, the Inbox first, each with its open task count',
        params: UserParams,
        querystring: ListProjectsQuery,
        response: { 200: ProjectList, ...projectErrorResponses },
      },
    },
    async (request) => repo.list(request.userId, request.query),
  );

  app.post(
    '/',
    {
      schema: {
        ...common,
        summary: 'Create a project (at the end of the active ones unless a position is given)',
        params: UserParams,
        body: CreateProjectBody,
        response: { 201: ProjectWithEtag, ...projectErrorResponses },
      },
    },
    async (request, reply) =>
      sendProject(reply, await repo.create(request.userId, request.body), 201),
  );

  app.get(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'One project',
        params: ProjectParams,
        response: { 200: ProjectWithEtag, ...projectErrorResponses },
      },
    },
    async (request, reply) => sendProject(reply, await repo.get(request.userId, request.params.id)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        ...common,
        summary: 'Rename, recolour, move, archive or unarchive a project',
        params: ProjectParams,
        headers: IfMatchHeaders,
        body: PatchProjectBody,
        response: { 200: ProjectWithEtag, ...conditionalProjectErrorResponses },
      },
    },
    async (request, reply) =>
      sendProject(
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
        summary: 'Delete a project with its tasks, or after moving them (move_tasks_to)',
        params: ProjectParams,
        headers: IfMatchHeaders,
        querystring: DeleteProjectQuery,
        response: { 204: Type.Null(), ...conditionalProjectErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await repo.remove(
        request.userId,
        request.params.id,
        versionsFrom(request.headers),
        request.query.move_tasks_to,
      );
      return result && result !== 'stale' ? reply.code(204).send(null) : sendProject(reply, result);
    },
  );
};

export default projects;
