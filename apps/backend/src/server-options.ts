import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.js';
import { sendProblem } from './plugins/problem-details.js';

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);
const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Keeps a caller's X-Request-Id when it is harmless, otherwise mints one. */
function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Process-level Fastify options: logging, limits and timeouts. */
export function serverOptions(config: Pick<Config, 'http'>): FastifyServerOptions {
  return {
    logger: {
      level: config.http.logLevel,
      // Default serializers log no headers; redact anyway in case a hook logs them.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    genReqId: requestId,
    logController: new LogController({
      requestIdLogLabel: 'request_id',
      // Probes and scrapes arrive every few seconds; a log line each would drown the rest.
      disableRequestLogging: (request) => QUIET_PATHS.has(request.url),
    }),
    bodyLimit: 64 * 1024,
    requestTimeout: 30_000,
    connectionTimeout: 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    // Errors the router answers before any hook (a bad %-escape, a path segment over
    // maxParamLength) leave in the API's one error shape too, not Fastify's default JSON.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      sendProblem(reply, error.statusCode ?? 400, error.message);
    },
  };
}
