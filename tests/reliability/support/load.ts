import http from 'node:http';
import { signAccessToken, type Task } from '@todo/contract';

export type WriteOperation = 'create' | 'patch' | 'put' | 'toggle' | 'delete';

/** One request and what came back, as the client saw it. */
export interface Exchange {
  /** Sent as X-Request-Id, which the backend logs: ties the client's view to the server's. */
  requestId: string;
  worker: number;
  userId: string;
  op: WriteOperation | 'probe';
  method: string;
  path: string;
  body?: Record<string, unknown>;
  /** The task a non-create write is about. */
  taskId?: number;
  /** The unique title marker of the task (creates and later writes). */
  marker?: string;
  /** Date.now() when the request was sent and when its answer ended (or it failed). */
  startedAt: number;
  endedAt: number;
  status?: number;
  contentType?: string;
  text?: string;
  json?: unknown;
  /** A network failure (no HTTP answer): its code, e.g. ECONNRESET or CLIENT_TIMEOUT. */
  error?: string;
}

export const isSuccess = (exchange: Exchange) =>
  exchange.status !== undefined && exchange.status >= 200 && exchange.status < 300;

export interface RawAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
  /** The client side's port of the connection that carried it. */
  localPort: number | undefined;
}

/** One HTTP request over `agent`, failing with code CLIENT_TIMEOUT when it outlives timeoutMs. */
export function send(
  agent: http.Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, answer?: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else if (answer) resolve(answer);
    };
    const request = http.request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      const localPort = response.socket.localPort;
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        settle(null, {
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
          localPort,
        }),
      );
      response.on('error', (error) => settle(error));
      response.on('close', () => {
        if (!response.complete) settle(Object.assign(new Error('aborted'), { code: 'ABORTED' }));
      });
    });
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`no answer within ${timeoutMs} ms`), {
        code: 'CLIENT_TIMEOUT',
      });
      request.destroy(error);
      settle(error);
    }, timeoutMs);
    request.on('error', (error) => settle(error));
    request.end(body);
  });
}

/** A keep-alive client with a fixed number of connections that records every exchange. */
export function createRecorder(
  baseUrl: string,
  { connections, timeoutMs = 10_000 }: { connections: number; timeoutMs?: number },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const exchanges: Exchange[] = [];
  async function exchange(
    fields: Omit<Exchange, 'startedAt' | 'endedAt'>,
    token?: string,
  ): Promise<Exchange> {
    const headers: Record<string, string> = { 'x-request-id': fields.requestId };
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (fields.body !== undefined) {
      payload = JSON.stringify(fields.body);
      headers['content-type'] = 'application/json';
    }
    const startedAt = Date.now();
    const record: Exchange = { ...fields, startedAt, endedAt: startedAt };
    try {
      const answer = await send(
        agent,
        new URL(fields.path, baseUrl),
        fields.method,
        headers,
        payload,
        timeoutMs,
      );
      record.status = answer.status;
      record.contentType = answer.contentType;
      record.text = answer.text;
      if (answer.contentType?.includes('json') && answer.text) {
        try {
          record.json = JSON.parse(answer.text);
        } catch {}
      }
    } catch (error) {
      record.error = String((error as { code?: unknown }).code ?? (error as Error).message);
    }
    record.endedAt = Date.now();
    exchanges.push(record);
    return record;
  }
  return { exchange, exchanges, close: () => agent.destroy() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Text that must come back byte for byte: accents, CJK, emoji, quotes, SQL and markup.
const TEXTS = [
  'Buy milk',
  'Überprüfen der Ränder',
  '日本語のタスク',
  'Deploy 🚀 then 🧪',
  "O'Brien'); DROP TABLE tasks;--",
  '<script>alert(1)</script> & "quotes"',
  '50% off_sale \\ backslash',
  'tab\tand\nnewline',
];
const TAGS = ['home', 'Work', '  errands ', 'URGENT', 'ünïcødé', 'home'];
const PRIORITIES = ['low', 'medium', 'high'] as const;
const RECURRENCES = ['none', 'none', 'daily', 'weekly', 'monthly', 'yearly'] as const;

export interface LoadOptions {
  baseUrl: string;
  users: string[];
  secret: string;
  /** Concurrent connections; one worker per connection, one request in flight each. */
  connections: number;
  /** How long to run; stop() ends it sooner. */
  durationMs: number;
  /** Unique per run: starts every request id and title marker. */
  label: string;
  /** Let tasks repeat, so completing one creates its next occurrence (default false). */
  recurring?: boolean;
  timeoutMs?: number;
  /** After a failed request: wait this long and go on (default), or stop the worker for good. */
  onFailure?: { pauseMs: number } | 'stop';
}

export interface LoadRun {
  /** Ends the run early; resolves when every worker's last request has finished. */
  stop(): Promise<Exchange[]>;
  done: Promise<Exchange[]>;
  exchanges: Exchange[];
}

/**
 * Drives the task API with a mix of creates, updates (PATCH and PUT), completion toggles and
 * deletes. Each worker owns the tasks it creates, so the last acknowledged answer about a task
 * is what the database must hold. A task whose write failed without a clear answer is left alone
 * from then on: its outcome is unknown and the accounting treats it so.
 */
export function startLoad(options: LoadOptions): LoadRun {
  const recorder = createRecorder(options.baseUrl, {
    connections: options.connections,
    timeoutMs: options.timeoutMs,
  });
  const deadline = Date.now() + options.durationMs;
  let stopped = false;
  const onFailure = options.onFailure ?? { pauseMs: 100 };

  async function worker(index: number) {
    const userId = options.users[index % options.users.length] ?? 'nobody';
    const token = await signAccessToken(options.secret, userId, { ttlSeconds: 600 });
    const live = new Map<number, Task>();
    const markers = new Map<number, string>();
    let sequence = 0;
    let random = (index + 1) * 7919;
    const next = () => {
      // A small deterministic generator per worker (xorshift), so a run can be replayed.
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      return (random >>> 0) / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const title = (marker: string) => `${marker} ${pick(TEXTS)}`;
    const fullBody = (marker: string): Record<string, unknown> => ({
      title: title(marker),
      description: next() < 0.3 ? null : `${pick(TEXTS)} ${pick(TEXTS)}`,
      priority: pick(PRIORITIES),
      tags: TAGS.filter(() => next() < 0.3),
      due_at:
        next() < 0.4 ? null : new Date(Date.now() + Math.floor(next() * 30) * 864e5).toISOString(),
      recurrence: options.recurring ? pick(RECURRENCES) : 'none',
    });

    while (!stopped && Date.now() < deadline) {
      sequence += 1;
      const requestId = `${options.label}-${index}-${sequence}`;
      const base = `/api/${encodeURIComponent(userId)}/tasks`;
      const ids = [...live.keys()];
      const roll = next();
      let result: Exchange;
      if (ids.length < 3 || roll < 0.3) {
        const marker = `${options.label}:${index}:${sequence}`;
        result = await recorder.exchange(
          {
            requestId,
            worker: index,
            userId,
            op: 'create',
            method: 'POST',
            path: base,
            marker,
            body: fullBody(marker),
          },
          token,
        );
        const task = result.json as Task | undefined;
        if (result.status === 201 && task) {
          live.set(task.id, task);
          markers.set(task.id, marker);
        }
      } else {
        const taskId = pick(ids);
        const marker = markers.get(taskId) ?? '';
        const common = { requestId, worker: index, userId, taskId, marker };
        if (roll < 0.5) {
          const body: Record<string, unknown> = {};
          if (next() < 0.5) body.title = title(marker);
          if (next() < 0.4) body.description = next() < 0.5 ? null : pick(TEXTS);
          if (next() < 0.4) body.priority = pick(PRIORITIES);
          if (next() < 0.3) body.tags = TAGS.filter(() => next() < 0.4);
          if (Object.keys(body).length === 0) body.completed = next() < 0.5;
          result = await recorder.exchange(
            { ...common, op: 'patch', method: 'PATCH', path: `${base}/${taskId}`, body },
            token,
          );
        } else if (roll < 0.6) {
          result = await recorder.exchange(
            {
              ...common,
              op: 'put',
              method: 'PUT',
              path: `${base}/${taskId}`,
              body: { ...fullBody(marker), completed: next() < 0.3 },
            },
            token,
          );
        } else if (roll < 0.85) {
          result = await recorder.exchange(
            { ...common, op: 'toggle', method: 'PATCH', path: `${base}/${taskId}/complete` },
            token,
          );
        } else {
          result = await recorder.exchange(
            { ...common, op: 'delete', method: 'DELETE', path: `${base}/${taskId}` },
            token,
          );
        }
        if (result.status === 200 && result.json) live.set(taskId, result.json as Task);
        else if (result.status === 204) live.delete(taskId);
        // Anything else leaves the task's state unknown: stop touching it.
        else live.delete(taskId);
      }
      if (!isSuccess(result)) {
        if (onFailure === 'stop') return;
        await sleep(onFailure.pauseMs);
      }
    }
  }

  const done = Promise.all(
    Array.from({ length: options.connections }, (_, index) => worker(index)),
  ).then(() => {
    recorder.close();
    return recorder.exchanges;
  });
  return {
    exchanges: recorder.exchanges,
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

/** Polls some paths (e.g. /health and /ready) on a connection of their own until stopped. */
export function startProbes(baseUrl: string, paths: string[], intervalMs: number) {
  const recorder = createRecorder(baseUrl, { connections: paths.length, timeoutMs: 10_000 });
  let stopped = false;
  let count = 0;
  const loops = paths.map(async (path) => {
    while (!stopped) {
      count += 1;
      await recorder.exchange({
        requestId: `probe-${count}`,
        worker: -1,
        userId: '',
        op: 'probe',
        method: 'GET',
        path,
      });
      await sleep(intervalMs);
    }
  });
  return {
    exchanges: recorder.exchanges,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      recorder.close();
      return recorder.exchanges;
    },
  };
}

/** Counts of statuses (and network errors) for a failure message or a log line. */
export function tally(exchanges: Exchange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const exchange of exchanges) {
    const key = exchange.error ?? `${exchange.op} ${exchange.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
