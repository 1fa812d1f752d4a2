import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ExportDocument,
  ExportQuery,
  ImportQuery,
  ImportSummary,
  TRANSFER_LIMITS,
  UserParams,
} from '@todo/contract';
import Type from 'typebox';
import { refused } from '../../lib/refused.js';
import { timeZoneOf } from '../../repositories/task-values.js';
import { exportCsv } from '../../transfer/export-csv.js';
import { exportDocument } from '../../transfer/export-document.js';
import { planFromDocument } from '../../transfer/json-import.js';
import { runImport } from '../../transfer/run-import.js';
import { planFromTodoist } from '../../transfer/todoist-import.js';
import { errorResponses, projectErrorResponses, security } from './responses.js';

const DEFAULT_TODOIST_PROJECT = 'Todoist import';

/** The body of a JSON import: parsed by Fastify (application/json) or sent as text. */
function jsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw refused(400, 'The file is not valid JSON');
  }
}

/** Export everything, and import our JSON or a Todoist CSV (apps/backend/src/transfer). */
const transfer: FastifyPluginAsyncTypebox = async (app) => {
  const common = { tags: ['import and export'], security };
  // A Todoist export is CSV; only this plugin's routes take it.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: TRANSFER_LIMITS.bodyBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/export',
    {
      schema: {
        ...common,
        summary: 'Export every project and task, as JSON or as CSV, as a download',
        description:
          'format=json (default): the document `{ format: "todo-export", version: 1, ' +
          'exported_at, projects, tasks }` with the API’s own objects, which POST /import reads ' +
          'back. format=csv: one row per task (RFC 4180, a header row; a cell starting with = + ' +
          "- or @ gets a leading ' so no spreadsheet runs it as a formula).",
        params: UserParams,
        querystring: ExportQuery,
        response: {
          200: Type.Union([ExportDocument, Type.String({ description: 'format=csv: text/csv' })], {
            description: 'The JSON document, or with format=csv the CSV text',
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const document = await exportDocument(app.db, app.projectsRepository, request.userId);
      const day = document.exported_at.slice(0, 10);
      reply.header('content-disposition', `attachment; filename="todo-export-${day}.${format}"`);
      reply.header('cache-control', 'no-store');
      if (format === 'json') return document;
      return reply.type('text/csv; charset=utf-8').send(exportCsv(document));
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: TRANSFER_LIMITS.bodyBytes,
      schema: {
        ...common,
        summary: 'Import a file this app exported, or a Todoist CSV; dry_run=true previews it',
        description:
          'The file is the body: application/json for source=json, text/csv for ' +
          `source=todoist (at most 5 MB and ${TRANSFER_LIMITS.tasksMax} tasks). Everything is ` +
          'imported in one transaction, or nothing: a file with any row that cannot be stored ' +
          'is a 422 listing each problem by line. Importing the same file again adds nothing ' +
          '(each row is skipped as imported before). dry_run=true answers the same summary ' +
          'and changes nothing.',
        params: UserParams,
        querystring: ImportQuery,
        response: { 200: ImportSummary, ...projectErrorResponses },
      },
    },
    async (request) => {
      const { source, dry_run: dryRun = false } = request.query;
      let plan: ReturnType<typeof planFromDocument>;
      if (source === 'json') {
        plan = planFromDocument(jsonBody(request.body));
      } else {
        if (typeof request.body !== 'string') {
          throw refused(400, 'A Todoist import takes the CSV file itself, sent as text/csv');
        }
        plan = planFromTodoist(request.body, {
          projectName: request.query.project_name ?? DEFAULT_TODOIST_PROJECT,
          timeZone: timeZoneOf(request.query.time_zone ?? 'UTC'),
          now: new Date(),
        });
      }
      return runImport(app.db, app.queue.jobs, request.userId, plan, dryRun);
    },
  );
};

export default transfer;
