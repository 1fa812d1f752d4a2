// The real stack for the /mcp tests: a fresh migrated database, the production backend and the
// standalone frontend on it, two people signed up through the frontend, and what a test needs
// to act as an MCP client (the SDK's own) or to look behind it (the backend's REST API).

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { signAccessToken, type Task } from '@todo/contract';
import { freePort } from '@todo/db/embedded';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { newPersonalToken } from '../../../apps/frontend/src/lib/tokens/personal-token.js';
import {
  type BackendProcess,
  startBackend,
  TEST_SECRET,
} from '../../reliability/support/backend.js';
import { signUp } from '../../support/sign-up.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { type FrontendProcess, startFrontend } from './frontend.js';

export interface McpStack {
  /** The frontend's origin, which BETTER_AUTH_URL pins. */
  origin: string;
  mcpUrl: string;
  sql: postgres.Sql;
  ada: string;
  bob: string;
  frontend: FrontendProcess;
  /** A personal access token of that person, inserted as the settings page would store it. */
  token(userId: string, scope: 'read' | 'write', expiresAt?: Date): Promise<string>;
  /** The SDK client, connected (initialized) with that token. */
  connect(token: string): Promise<Client>;
  /** The backend's REST API as that person, to check what a tool did. */
  rest(userId: string, path: string, init?: RequestInit): Promise<Response>;
  /** GET one task over REST; null when the backend answers 404. */
  task(userId: string, id: number): Promise<Task | null>;
}

/**
 * Registers the hooks that start the stack for a test file; returns an accessor for it.
 * `frontendEnv` is added to the frontend's environment.
 */
export function useMcpStack(frontendEnv: Record<string, string> = {}): () => McpStack {
  let database: TestDatabase | undefined;
  let sql: postgres.Sql | undefined;
  let backend: BackendProcess | undefined;
  let frontend: FrontendProcess | undefined;
  let stack: McpStack | undefined;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    backend = await startBackend({ databaseUrl: database.url });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    frontend = await startFrontend(database.url, {
      PORT: String(port),
      BETTER_AUTH_SECRET: TEST_SECRET,
      BETTER_AUTH_URL: origin,
      BACKEND_URL: backend.url,
      // The tests make many calls with one token: well inside any per-token limit.
      TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
      ...frontendEnv,
    });
    const [ada, bob] = await Promise.all([signUp(origin, 'ada'), signUp(origin, 'bob')]);
    if (!ada.userId || !bob.userId) throw new Error(`sign-up failed: ${ada.status} ${bob.status}`);
    const db = sql;
    const backendUrl = backend.url;
    const rest = async (userId: string, path: string, init: RequestInit = {}) => {
      const token = await signAccessToken(TEST_SECRET, userId);
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(`${backendUrl}/api/${encodeURIComponent(userId)}${path}`, { ...init, headers });
    };
    stack = {
      origin,
      mcpUrl: `${origin}/mcp`,
      sql: db,
      ada: ada.userId,
      bob: bob.userId,
      frontend,
      async token(userId, scope, expiresAt) {
        const { token, hash, hint } = newPersonalToken();
        await db`insert into personal_access_tokens (user_id, name, scope, token_hash, hint, expires_at)
          values (${userId}, ${`test ${scope}`}, ${scope}, ${hash}, ${hint}, ${expiresAt ?? null})`;
        return token;
      },
      async connect(token) {
        const client = new Client({ name: 'todo-tests', version: '1.0.0' });
        const transport = new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), {
          requestInit: { headers: { authorization: `Bearer ${token}` } },
        });
        await client.connect(transport);
        clients.push(client);
        return client;
      },
      rest,
      async task(userId, id) {
        const response = await rest(userId, `/tasks/${id}`);
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`GET task ${id}: ${response.status}`);
        return (await response.json()) as Task;
      },
    };
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await frontend?.stop();
    await backend?.stop();
    await sql?.end({ timeout: 5 });
    await database?.drop();
  });

  return () => {
    if (!stack) throw new Error('the stack did not start');
    return stack;
  };
}
