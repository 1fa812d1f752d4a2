import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/test-app.js';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, unknown> };
}
interface OpenApiObjectSchema {
  properties: Record<string, Record<string, unknown>>;
}
interface OpenApiOperation {
  tags?: string[];
  summary?: string;
  parameters?: { in: string; name: string; schema: Record<string, unknown> }[];
  requestBody?: {
    content: Record<string, { schema: OpenApiObjectSchema & { anyOf?: OpenApiObjectSchema[] } }>;
  };
  responses: Record<string, unknown>;
  security?: unknown[];
}

let t: TestApp;
let document: OpenApiDocument;

beforeAll(async () => {
  t = await buildTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
  expect(response.statusCode).toBe(200);
  document = response.json<OpenApiDocument>();
});
afterAll(async () => t?.close());

describe('GET /docs/json', () => {
  it('is an OpenAPI 3 document for todo-backend', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('todo-backend');
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('lists every route, with the specification’s paths', () => {
    const operations = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .filter((operation) => !operation.includes('/metrics'))
      .sort();
    expect(operations).toEqual(
      [
        'GET /health',
        'GET /ready',
        'GET /api/{user_id}/tasks',
        'POST /api/{user_id}/tasks',
        'GET /api/{user_id}/tasks/{id}',
        'PUT /api/{user_id}/tasks/{id}',
        'PATCH /api/{user_id}/tasks/{id}',
        'DELETE /api/{user_id}/tasks/{id}',
        'PATCH /api/{user_id}/tasks/{id}/complete',
        'GET /api/{user_id}/tags',
        'GET /api/{user_id}/events',
        'GET /api/{user_id}/projects',
        'POST /api/{user_id}/projects',
        'GET /api/{user_id}/projects/{id}',
        'PATCH /api/{user_id}/projects/{id}',
        'DELETE /api/{user_id}/projects/{id}',
        'POST /api/{user_id}/tasks/{id}/snooze',
        'GET /api/{user_id}/notification-settings',
        'PATCH /api/{user_id}/notification-settings',
        'GET /api/{user_id}/push-subscriptions',
        'POST /api/{user_id}/push-subscriptions',
        'DELETE /api/{user_id}/push-subscriptions/{id}',
        'POST /api/{user_id}/push-subscriptions/{id}/test',
        'GET /api/{user_id}/webhooks',
        'POST /api/{user_id}/webhooks',
        'PATCH /api/{user_id}/webhooks/{id}',
        'DELETE /api/{user_id}/webhooks/{id}',
        'POST /api/{user_id}/webhooks/{id}/rotate-secret',
        'GET /api/{user_id}/webhooks/{id}/deliveries',
        'POST /api/{user_id}/webhooks/{id}/test',
        'POST /api/unsubscribe',
        'GET /api/{user_id}/calendar-feeds',
        'POST /api/{user_id}/calendar-feeds',
        'DELETE /api/{user_id}/calendar-feeds/{id}',
        'GET /calendar/{file}',
        'GET /api/{user_id}/export',
        'POST /api/{user_id}/import',
      ].sort(),
    );
  });

  it('documents every /api operation as needing the bearer token', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      // The digest's unsubscribe link: its token is the credential (routes/api/unsubscribe.ts).
      if (!path.startsWith('/api/') || path === '/api/unsubscribe') continue;
      for (const operation of Object.values(methods)) {
        expect(operation.security).toEqual([{ bearer: [] }]);
        expect(Object.keys(operation.responses)).toEqual(
          expect.arrayContaining(['401', '403', '422']),
        );
      }
    }
  });

  it('is generated from the schemas that validate requests', () => {
    const create = document.paths['/api/{user_id}/tasks']?.post;
    // A task, or a line for quick add.
    const [task, quickAdd] = create?.requestBody?.content['application/json']?.schema.anyOf ?? [];
    expect(task?.properties.title).toMatchObject({ minLength: 1, maxLength: 200 });
    expect(task?.properties.tags).toMatchObject({ maxItems: 10 });
    expect(quickAdd?.properties.text).toMatchObject({ minLength: 1, maxLength: 500 });
    expect(Object.keys(create?.responses ?? {})).toContain('201');
    const list = document.paths['/api/{user_id}/tasks']?.get;
    const limit = list?.parameters?.find((parameter) => parameter.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', schema: { maximum: 100, default: 50 } });
    const id = document.paths['/api/{user_id}/tasks/{id}']?.get?.parameters?.find(
      (parameter) => parameter.name === 'id',
    );
    expect(id).toMatchObject({ in: 'path', schema: { type: 'integer', minimum: 1 } });
  });

  it('describes every field and parameter of projects, subtasks, repeat rules and quick add', () => {
    const described = (schema: Record<string, unknown> | undefined) =>
      typeof schema?.description === 'string' && schema.description.length > 0;
    const tasks = document.paths['/api/{user_id}/tasks'];
    const parameters = (operation: OpenApiOperation | undefined, names: string[]) =>
      names.map((name) => {
        const parameter = operation?.parameters?.find((candidate) => candidate.name === name);
        return [name, described(parameter) || described(parameter?.schema)];
      });
    expect(parameters(tasks?.get, ['project', 'parent', 'top_level'])).toEqual([
      ['project', true],
      ['parent', true],
      ['top_level', true],
    ]);
    const complete = document.paths['/api/{user_id}/tasks/{id}/complete']?.patch;
    expect(parameters(complete, ['subtasks'])).toEqual([['subtasks', true]]);

    const [task, quickAdd] =
      tasks?.post?.requestBody?.content['application/json']?.schema.anyOf ?? [];
    const newInput = ['repeat', 'recurrence', 'time_zone', 'project_id', 'parent_id'];
    for (const field of newInput)
      expect([field, described(task?.properties[field])]).toEqual([field, true]);
    expect(described(quickAdd?.properties.text)).toBe(true);

    const answer = document.paths['/api/{user_id}/tasks/{id}']?.get?.responses['200'] as {
      content: Record<string, { schema: OpenApiObjectSchema }>;
    };
    const properties = answer.content['application/json']?.schema.properties ?? {};
    const newOutput = [
      'repeat',
      'recurrence',
      'time_zone',
      'project_id',
      'parent_id',
      'subtask_count',
      'completed_subtask_count',
    ];
    for (const field of newOutput)
      expect([field, described(properties[field])]).toEqual([field, true]);
    const deletion = document.paths['/api/{user_id}/tasks/{id}']?.delete as {
      description?: string;
    };
    expect(deletion.description).toMatch(/subtasks/);
  });

  it('documents the ETag of a task and If-Match with its 412 on every write', () => {
    const taskPath = document.paths['/api/{user_id}/tasks/{id}'] ?? {};
    const writes = [
      taskPath.put,
      taskPath.patch,
      taskPath.delete,
      document.paths['/api/{user_id}/tasks/{id}/complete']?.patch,
    ];
    for (const operation of writes) {
      const ifMatch = operation?.parameters?.find((parameter) => parameter.name === 'if-match');
      expect(ifMatch).toMatchObject({ in: 'header', schema: { type: 'string' } });
      expect(Object.keys(operation?.responses ?? {})).toContain('412');
    }
    const reads = [
      taskPath.get?.responses['200'],
      taskPath.patch?.responses['200'],
      document.paths['/api/{user_id}/tasks']?.post?.responses['201'],
    ];
    for (const response of reads) {
      expect(response).toMatchObject({ headers: { etag: { schema: { type: 'string' } } } });
    }
  });
});

describe('the project routes in GET /docs/json', () => {
  const list = () => document.paths['/api/{user_id}/projects'] ?? {};
  const one = () => document.paths['/api/{user_id}/projects/{id}'] ?? {};

  it('are tagged projects, each with a summary, and answer 409 where a rule can refuse', () => {
    const operations = [list().get, list().post, one().get, one().patch, one().delete];
    for (const operation of operations) {
      expect(operation?.tags).toEqual(['projects']);
      expect(operation?.summary).toEqual(expect.any(String));
    }
    for (const operation of [list().post, one().patch, one().delete]) {
      expect(Object.keys(operation?.responses ?? {})).toContain('409');
    }
  });

  it('take the contract’s body, query and path schemas', () => {
    const body = list().post?.requestBody?.content['application/json']?.schema;
    expect(body?.properties.name).toMatchObject({ minLength: 1, maxLength: 60 });
    expect(body?.properties.color).toMatchObject({ enum: expect.arrayContaining(['grey', 'red']) });
    const archived = list().get?.parameters?.find((parameter) => parameter.name === 'archived');
    expect(archived).toMatchObject({ in: 'query', schema: { type: 'boolean' } });
    const move = one().delete?.parameters?.find((parameter) => parameter.name === 'move_tasks_to');
    expect(move).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1 } });
    const id = one().get?.parameters?.find((parameter) => parameter.name === 'id');
    expect(id).toMatchObject({ in: 'path', schema: { type: 'integer', minimum: 1 } });
  });

  it('document the ETag of a project and If-Match with its 412 on every write', () => {
    for (const operation of [one().patch, one().delete]) {
      const ifMatch = operation?.parameters?.find((parameter) => parameter.name === 'if-match');
      expect(ifMatch).toMatchObject({ in: 'header', schema: { type: 'string' } });
      expect(Object.keys(operation?.responses ?? {})).toContain('412');
    }
    for (const response of [
      one().get?.responses['200'],
      one().patch?.responses['200'],
      list().post?.responses['201'],
    ]) {
      expect(response).toMatchObject({ headers: { etag: { schema: { type: 'string' } } } });
    }
  });
});

describe('GET /docs', () => {
  it('serves the documentation UI as HTML, without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<html');
    expect(response.body.toLowerCase()).toContain('swagger');
  });
});
