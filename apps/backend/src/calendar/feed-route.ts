import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@todo/contract';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { sendProblem } from '../plugins/problem-details.js';
import { feedDocument } from './feed-document.js';
import { tokenOfFeedFile } from './feed-token.js';

export interface FeedRouteOptions {
  /** PUBLIC_APP_URL (or the local default): links and UIDs when no frontend forwarded its origin. */
  appUrl: string;
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;
const CACHE_CONTROL = 'private, max-age=300';

const firstValue = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();

/**
 * The web app's origin the feed was fetched through: the frontend's route forwards it
 * (X-Forwarded-Host and -Proto, from BETTER_AUTH_URL or its request), so links open where the
 * person subscribed. Anything else, or nothing: the configured app URL.
 */
function appOrigin(request: FastifyRequest, fallback: string): string {
  const host = firstValue(request.headers['x-forwarded-host']);
  if (!host || !HOST.test(host)) return fallback;
  const scheme = firstValue(request.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  return `${scheme}://${host.toLowerCase()}`;
}

/** True when If-None-Match names this entity tag (or `*`), weak or strong (RFC 9110 §13.1.2). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * GET /calendar/<token>.ics: the feed itself, outside /api and without a bearer token, since
 * calendar apps send none: the token in the path is the credential. A token of no feed, a
 * regenerated one's old token and a malformed path all get the same 404, so a guess learns
 * nothing about which tokens ever existed.
 */
const feedRoute: FastifyPluginAsyncTypebox<FeedRouteOptions> = async (app, { appUrl }) => {
  app.get(
    '/calendar/:file',
    {
      schema: {
        tags: ['calendar'],
        summary: 'A calendar feed (iCalendar, RFC 5545), by the token in its URL',
        description:
          'Every open task with a due time (of one project for a project’s feed), as ' +
          '`text/calendar`, with an ETag (If-None-Match: 304). 404 for any token that is not ' +
          'a current feed’s.',
        params: Type.Object({ file: Type.String({ description: '<token>.ics' }) }),
        response: {
          200: Type.String({ description: 'The iCalendar document (text/calendar)' }),
          304: Type.Null(),
          404: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const token = tokenOfFeedFile(request.params.file);
      const contents = token ? await app.calendarFeedsRepository.contents(token) : null;
      if (!contents) {
        // The instance would echo the token; the path's shape says enough.
        return sendProblem(reply, 404, 'No such calendar feed', { instance: '/calendar' });
      }
      const body = feedDocument({
        name: contents.projectName ?? 'Todo',
        appOrigin: appOrigin(request, appUrl),
        tasks: contents.tasks,
      });
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
      if (notModified(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  );
};

export default feedRoute;
