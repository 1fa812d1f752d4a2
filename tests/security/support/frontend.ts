import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import path from 'node:path';
import { freePort } from '@todo/db/embedded';
import { stack } from '../../support/scripts.js';

export const TEST_SECRET = 'security-test-secret-at-least-32-characters';

export interface FrontendProcess {
  url: string;
  pid: number;
  /** Everything the process wrote so far, for a failure message. */
  output(): string;
  /** Resident set size of the server process, from /proc. */
  rssBytes(): number;
  stop(): Promise<number | null>;
}

/**
 * Starts the standalone production build (`node server.js`, as the image does). `env.PORT` picks
 * the port (so BETTER_AUTH_URL can name it); a free one otherwise.
 */
export async function startFrontend(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<FrontendProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child: ChildProcess = stack.startProcess(stack.frontendEntry, {
    cwd: path.dirname(stack.frontendEntry),
    // A log file makes stdout and stderr pipes that output() reads; /dev/null keeps no copy.
    logFile: '/dev/null',
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: TEST_SECRET,
      ...env,
    },
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const output = () => chunks.join('');
  const url = `http://127.0.0.1:${port}`;
  try {
    await stack.waitForHttp(`${url}/sign-in`, { child, timeoutMs: 60_000 });
  } catch (error) {
    await stack.stopProcess(child, { signal: 'SIGKILL' });
    throw new Error(`${String(error)}\n--- frontend output ---\n${output()}`);
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    output,
    rssBytes: () => {
      const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kib) * 1024;
    },
    stop: () => stack.stopProcess(child),
  };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The cookies it set, as `name=value` pairs ready for a Cookie header. */
  cookies: string;
}

export interface PostOptions {
  headers?: Record<string, string>;
  /**
   * The address the connection comes from: any of 127.0.0.0/8 reaches the server, so a test can
   * be a different peer (a client, a proxy) without another machine.
   */
  from?: string;
}

/** POSTs with node:http, which (unlike fetch) can choose the local address. */
export function post(
  url: string,
  body: string | Buffer | Iterable<Buffer>,
  { headers = {}, from = '127.0.0.1' }: PostOptions = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request(
      target,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', origin: target.origin, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
            cookies: (response.headers['set-cookie'] ?? [])
              .map((cookie) => cookie.split(';')[0])
              .join('; '),
          });
          // The server may answer before reading all of a body it refuses: stop sending it.
          outgoing.destroy();
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      outgoing.end(body);
      return;
    }
    // Chunked, with no Content-Length: the server only learns the size by reading.
    for (const chunk of body) outgoing.write(chunk);
    outgoing.end();
  });
}
