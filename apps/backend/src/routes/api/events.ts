import { PassThrough, type Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EventsQuery, Problem, UserParams } from '@todo/contract';
import Type from 'typebox';
import type { ChangeEvent } from '../../live/change-hub.js';
import { parseLastEventId, replayAfter } from '../../live/replay.js';
import { sse } from '../../live/sse.js';
import { sendProblem } from '../../plugins/problem-details.js';
import { errorResponses, security } from './responses.js';

/** How long the browser waits before reconnecting a stream that ended. */
const RETRY_MS = 1_000;

/**
 * The user's changes as Server-Sent Events, live: each `event: change` names what changed (the
 * page re-reads it). With Last-Event-ID (or ?after=) the changes missed since come first.
 */
const events: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['events'],
        summary: "The user's task and project changes, live (text/event-stream)",
        description:
          'Each change is `id: <change id>`, `event: change`, `data: {"id","entity","entity_id","op"}`; ' +
          '`event: reset` means reload everything. A comment every 15 s keeps the stream open.',
        security,
        params: UserParams,
        querystring: EventsQuery,
        response: {
          200: {
            description: 'The event stream',
            // A stream, documented as the text it is.
            content: { 'text/event-stream': { schema: Type.Unsafe<Readable>({ type: 'string' }) } },
          },
          ...errorResponses,
          429: Type.Object(Problem.properties, {
            description: 'This user has as many streams open as one process allows',
          }),
        },
      },
    },
    async (request, reply) => {
      const { hub, heartbeatMs, maxStreamMs } = app.live;
      const header = request.headers['last-event-id'];
      const after = parseLastEventId(typeof header === 'string' ? header : request.query.after);
      const stream = new PassThrough();
      // Changes that arrive while the missed ones are read wait, so the order holds.
      let waiting: ChangeEvent[] | null = after === undefined ? null : [];
      const write = (text: string) => {
        if (!stream.writableEnded) stream.write(text);
      };
      const unsubscribe = hub.subscribe(request.userId, {
        change: (event) => (waiting ? waiting.push(event) : write(sse.change(event))),
        reset: (latestId) => write(sse.reset(latestId)),
        end: () => stream.end(),
      });
      if (!unsubscribe) {
        return sendProblem(reply, 429, 'Too many open event streams for this user; close one');
      }
      const heartbeat = setInterval(() => write(sse.heartbeat), heartbeatMs);
      const lifetime = setTimeout(() => stream.end(), maxStreamMs);
      const cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
      };
      stream.on('close', cleanup);
      reply.raw.on('close', () => {
        cleanup();
        stream.destroy();
      });

      write(sse.retry(RETRY_MS));
      if (after !== undefined) {
        const sent = new Set<number>();
        try {
          const replay = await replayAfter(app.db, request.userId, after);
          if ('reset' in replay) write(sse.reset(replay.reset));
          else {
            for (const event of replay.events) {
              sent.add(event.id);
              write(sse.change(event));
            }
          }
        } catch (error) {
          request.log.warn({ err: error }, 'live updates: replay failed; resetting the stream');
          write(sse.reset());
        }
        for (const event of waiting ?? []) if (!sent.has(event.id)) write(sse.change(event));
        waiting = null;
      }
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no');
      return reply.send(stream);
    },
  );
};

export default events;
