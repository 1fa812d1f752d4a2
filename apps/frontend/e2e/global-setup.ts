import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PushService, startPushService } from '../../../tests/support/push-service';
import { resolveChromium } from './support/chromium';

interface Stack {
  frontendUrl: string;
  backendUrl: string;
  stopBackend(): Promise<unknown>;
  startBackend(): Promise<void>;
  stop(): Promise<void>;
}
interface StackModule {
  startStack(options: Record<string, unknown>): Promise<Stack>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A tiny HTTP endpoint through which a test stops and restarts the backend, and uses the local
 * push service (support/push.ts): a new subscription on it, the messages it received.
 */
async function controlServer(
  stack: Stack,
  push: PushService,
): Promise<{ url: string; server: Server }> {
  let running = true;
  const server = createServer(async (request, response) => {
    try {
      // Idempotent: starting a running backend would leave two processes on one port.
      if (request.method === 'POST' && request.url === '/backend/stop') {
        if (running) await stack.stopBackend();
        running = false;
      } else if (request.method === 'POST' && request.url === '/backend/start') {
        if (!running) await stack.startBackend();
        running = true;
      } else if (request.method === 'POST' && request.url === '/push/subscription') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(push.subscription()));
        return;
      } else if (request.method === 'GET' && request.url === '/push/messages') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(push.messages()));
        return;
      } else {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(204).end();
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/**
 * Starts the real stack from the build output (scripts/stack.mjs: embedded PostgreSQL in a
 * fresh folder, migrations, todo-backend, the standalone todo-frontend) unless FRONTEND_URL
 * names one already running. Returns the teardown.
 */
export default async function globalSetup() {
  process.env.E2E_CHROMIUM_PATH = await resolveChromium();
  if (process.env.FRONTEND_URL) return;

  const stackFile = path.resolve(import.meta.dirname, '../../../scripts/stack.mjs');
  const { startStack } = (await import(pathToFileURL(stackFile).href)) as StackModule;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-e2e-'));
  // As root, PostgreSQL runs as a `postgres` user that must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  // Chromium here cannot reach a real push service: the backend sends to this one (HTTPS with a
  // throwaway certificate it is told to trust, on loopback, which the SSRF guard allows here).
  const push = await startPushService();
  const stack = await startStack({
    dataDir,
    databaseUrl: undefined,
    backendPort: await freePort(),
    frontendPort: await freePort(),
    secret: randomBytes(32).toString('base64url'),
    // The test runner stands in for a proxy: the X-Forwarded-For it sends per test
    // (support/fixtures.ts) gives each test a rate-limit budget of its own.
    frontendEnv: { TRUSTED_PROXIES: '127.0.0.1, ::1' },
    backendEnv: { NODE_EXTRA_CA_CERTS: push.caFile, OUTBOUND_ALLOW_PRIVATE: 'true' },
  });
  const control = await controlServer(stack, push);
  process.env.FRONTEND_URL = stack.frontendUrl;
  process.env.E2E_CONTROL_URL = control.url;

  return async () => {
    control.server.close();
    await stack.stop();
    await push.close();
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}
