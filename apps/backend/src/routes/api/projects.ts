import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateProjectBody,
  DeleteProjectQuery,
  ListProjectsQuery,
  PatchProjectBody,
  type Project,
  ProjectList,
  ProjectParams,
  projectEtag,
  UserParams,
} from '@todo/contract';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { versionsFrom } from '../../lib/if-match.js';
import { sendProblem } from '../../plugins/problem-details.js';
import { ProjectRefusal } from '../../repositories/project-refusal.js';
import type { ProjectWriteResult } from '../../repositories/projects-repository.js';
import {
  conditionalProjectErrorResponses,
  IfMatchHeaders,
  ProjectWithEtag,
  projectErrorResponses,
  security,
} from './responses.js';

/** Sends what a request did to a project: `done` with it, or the problem that stopped it. */
async function answer(
  reply: FastifyReply,
  work: Promise<ProjectWriteResult>,
  done: (project: Project) => FastifyReply = (project) =>
    reply.code(200).header('etag', projectEtag(project.version)).send(project),
) {
  let result: ProjectWriteResult;
  try {
    result = await work;
  } catch (error) {
    if (!(error instanceof ProjectRefusal)) throw error;
    return sendProblem(
      reply,
      error.status,
      error.message,
      error.errors && { errors: error.errors },
    );
  }
  // Someone else's project and a missing one get the same answer: existence is never revealed.
  if (!result) return sendProblem(reply, 404, 'No such project');
  if (result === 'stale') {
    return sendProblem(
      reply,
      412,
      'The project has changed since the version in If-Match: read it again, then retry',
    );
  }
  return done(result);
}

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
      answer(reply, repo.create(request.userId, request.body), (project) =>
        reply.code(201).header('etag', projectEtag(project.version)).send(project),
      ),
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
    async (request, reply) => answer(reply, repo.get(request.userId, request.params.id)),
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
      answer(
        reply,
        repo.patch(request.userId, request.params.id, request.body, versionsFrom(request.headers)),
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
    async (request, reply) =>
      answer(
        reply,
        repo.remove(
          request.userId,
          request.params.id,
          versionsFrom(request.headers),
          request.query.move_tasks_to,
        ),
        () => reply.code(204).send(null),
      ),
  );
};

export default projects;
