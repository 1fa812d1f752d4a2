import { STATUS_CODES } from 'node:http';
import type { Problem } from '@todo/contract';
import { withoutQuery } from '@todo/db/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable, isUnknownUser } from '../lib/database-errors.js';
import { refusedItems } from '../lib/refused.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Sends the one error shape of the API (RFC 9457). */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail?: string,
  extra: Partial<Problem> = {},
): FastifyReply {
  const problem: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    instance: reply.request.url.split('?')[0],
    ...extra,
  };
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** A valid token that outlived its user (the account was deleted): not a server fault. */
export function sendUnknownUser(reply: FastifyReply): FastifyReply {
  reply.header('www-authenticate', 'Bearer error="invalid_token"');
  return sendProblem(reply, 401, "The token's user does not exist");
}

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/** One ajv failure as the problem's `errors` list it: where (under `context`) and what. */
export function describeIssue(context: string, issue: ValidationIssue) {
  const params = issue.params as Record<string, unknown>;
  let path = `${context}${issue.instancePath}`;
  let message = issue.message ?? 'is invalid';
  if (issue.keyword === 'additionalProperties') {
    path = `${path}/${String(params.additionalProperty)}`;
    message = 'is not a known field';
  } else if (issue.keyword === 'required') {
    path = `${path}/${String(params.missingProperty)}`;
    message = 'is required';
  } else if (issue.keyword === 'pattern') {
    message = 'must contain visible text and no NUL or unpaired surrogate characters';
  }
  return { path, message };
}

// Errors that say the body has another shape than a branch, rather than a bad value in it.
const SHAPE_KEYWORDS = new Set(['required', 'additionalProperties']);
const BRANCH = /^#\/anyOf\/(\d+)\//;

/**
 * A body that may take one of several shapes (a task or a quick-add line) fails every branch of
 * the schema's anyOf, and ajv reports them all: a task with a numeric title also hears that
 * `text` is missing. Only the errors of the branch the body's shape matches best are reported
 * (fewest missing or unknown fields, then fewest errors, then the first).
 */
function closestBranch(issues: ValidationIssue[]): ValidationIssue[] {
  const branches = new Map<number, ValidationIssue[]>();
  for (const issue of issues) {
    const branch = BRANCH.exec(issue.schemaPath)?.[1];
    if (branch !== undefined) {
      const index = Number(branch);
      branches.set(index, [...(branches.get(index) ?? []), issue]);
    }
  }
  if (branches.size < 2) return issues;
  const rank = (errors: ValidationIssue[]) =>
    errors.filter((issue) => SHAPE_KEYWORDS.has(issue.keyword)).length * 1000 + errors.length;
  const [best] = [...branches.entries()].sort(
    ([a, aErrors], [b, bErrors]) => rank(aErrors) - rank(bErrors) || a - b,
  );
  return best?.[1] ?? issues;
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    const errors = closestBranch(error.validation).map((issue) =>
      describeIssue(error.validationContext ?? '', issue),
    );
    return sendProblem(reply, 422, 'The request did not pass validation', { errors });
  }
  if (isDatabaseUnavailable(error)) {
    // Never the failed query itself: its parameters hold tokens, emails and task text.
    request.log.warn({ err: withoutQuery(error) }, 'database unavailable');
    reply.header('retry-after', '5');
    return sendProblem(reply, 503, 'The database is unavailable; try again shortly');
  }
  if (isUnknownUser(error)) return sendUnknownUser(reply);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'The body is not valid JSON'
        : error.message;
    const errors = refusedItems(error);
    return sendProblem(reply, status, detail, errors ? { errors } : {});
  }
  request.log.error({ err: withoutQuery(error) }, 'request failed');
  return sendProblem(reply, 500, 'Something went wrong on our side');
}

/** Every error, including unknown routes, leaves as problem+json. */
async function problemDetails(app: FastifyInstance) {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}

export default fp(problemDetails, { name: 'problem-details' });
