import { randomUUID } from 'node:crypto';
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
    // Node's own default, not Fastify's 72 s: an idle keep-alive connection closes after 5 s, and
    // the shutdown drain (server.ts) waits that long at most for idle connections to go.
    keepAliveTimeout: 5_000,
    // server.ts serves requests that arrive while draining, and closes their connections.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    // Errors the router answers before any hook (a bad %-escape, a path segment over
    // maxParamLength) leave in the API's one error shape too, not Fastify's default JSON.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      sendProblem(reply, error.statusCode ?? 400, error.message);
    },
    clientErrorHandler: answerClientError,
  };
}

/**
 * A request Node's HTTP parser rejects (a malformed request line, headers over the limit) never
 * reaches Fastify; it is answered on the socket, still as problem+json.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({ type: 'about:blank', title, status });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
