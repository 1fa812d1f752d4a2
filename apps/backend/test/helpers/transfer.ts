import type { ExportDocument, ImportSummary } from '@todo/contract';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

export interface ImportRequest {
  source: 'json' | 'todoist';
  dryRun?: boolean;
  projectName?: string;
  timeZone?: string;
}

/** POST /import with `file` as the body; answers the response, whatever its status. */
export function sendImport(
  t: TestApp,
  userId: string,
  file: string | object,
  request: ImportRequest,
): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ source: request.source });
  if (request.dryRun) query.set('dry_run', 'true');
  if (request.projectName) query.set('project_name', request.projectName);
  if (request.timeZone) query.set('time_zone', request.timeZone);
  const csv = request.source === 'todoist';
  return t.as(userId, {
    method: 'POST',
    url: `/api/${userId}/import?${query}`,
    headers: { 'content-type': csv ? 'text/csv' : 'application/json' },
    payload: typeof file === 'string' ? file : JSON.stringify(file),
  });
}

/** An import that must succeed: its summary. */
export async function importFile(
  t: TestApp,
  userId: string,
  file: string | object,
  request: ImportRequest,
): Promise<ImportSummary> {
  const response = await sendImport(t, userId, file, request);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImportSummary>();
}

/** GET /export?format=json, checked to be a download. */
export async function exportJson(t: TestApp, userId: string): Promise<ExportDocument> {
  const response = await t.as(userId, { method: 'GET', url: `/api/${userId}/export?format=json` });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toMatch(
    /^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.json"$/,
  );
  return response.json<ExportDocument>();
}

/** How many rows of each kind the user has, read behind the API. */
export async function rowCounts(t: TestApp, userId: string) {
  const [row] = await t.sql<{ projects: number; tasks: number; reminders: number }[]>`
    select (select count(*) from projects where user_id = ${userId})::int as projects,
           (select count(*) from tasks where user_id = ${userId})::int as tasks,
           (select count(*) from reminders where user_id = ${userId})::int as reminders`;
  return row;
}
