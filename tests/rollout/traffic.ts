// Continuous traffic through a Service stand-in, as users and a load balancer make it: some
// clients keep their connections alive (and so stay on the pod they first reached), others open
// a new connection for every request (and so follow the endpoints as they change).
import http from 'node:http';
import { send } from '../reliability/support/load.js';
import type { ServiceProxy } from './service-proxy.js';

export interface Stream {
  /** Names the stream in the record, e.g. `api` or `page`. */
  name: string;
  service: ServiceProxy;
  path: string;
  headers: Record<string, string>;
  /** Whether an answer is what the user wanted (a 200 is not enough: a page can show an error). */
  isGood(status: number, text: string): boolean;
  keepAliveClients: number;
  newConnectionClients: number;
}

export interface Hit {
  stream: string;
  connection: 'keep-alive' | 'new';
  startedAt: number;
  endedAt: number;
  status?: number;
  /** A network failure: no HTTP answer (ECONNRESET, CLIENT_TIMEOUT, ...). */
  error?: string;
  /** The pod the Service sent the connection to. */
  pod?: string;
  good: boolean;
}

export interface Traffic {
  hits: Hit[];
  stop(): Promise<Hit[]>;
}

/** Runs every stream's clients until stopped; each client has one request in flight at a time. */
export function startTraffic(streams: Stream[], timeoutMs = 10_000): Traffic {
  const hits: Hit[] = [];
  let stopped = false;
  const agents: http.Agent[] = [];

  async function client(stream: Stream, connection: Hit['connection']) {
    const agent = new http.Agent({ keepAlive: connection === 'keep-alive', maxSockets: 1 });
    agents.push(agent);
    const url = new URL(stream.path, stream.service.url);
    const headers =
      connection === 'new' ? { ...stream.headers, connection: 'close' } : stream.headers;
    while (!stopped) {
      const hit: Hit = {
        stream: stream.name,
        connection,
        startedAt: Date.now(),
        endedAt: 0,
        good: false,
      };
      try {
        const answer = await send(agent, url, 'GET', headers, undefined, timeoutMs);
        hit.status = answer.status;
        hit.pod =
          answer.localPort === undefined ? undefined : stream.service.endpointOf(answer.localPort);
        hit.good = stream.isGood(answer.status, answer.text);
      } catch (error) {
        hit.error = String((error as { code?: unknown }).code ?? (error as Error).message);
      }
      hit.endedAt = Date.now();
      hits.push(hit);
      // A failed client pauses briefly, as a user would before retrying, so one outage is not
      // counted thousands of times.
      if (!hit.good) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const clients = streams.flatMap((stream) => [
    ...Array.from({ length: stream.keepAliveClients }, () => client(stream, 'keep-alive')),
    ...Array.from({ length: stream.newConnectionClients }, () => client(stream, 'new')),
  ]);
  return {
    hits,
    stop: async () => {
      stopped = true;
      await Promise.all(clients);
      for (const agent of agents) agent.destroy();
      return hits;
    },
  };
}

/** A line per stream for the log: how many answers were good, and which pods gave them. */
export function summarize(hits: Hit[]): string {
  const byStream = new Map<string, Hit[]>();
  for (const hit of hits) byStream.set(hit.stream, [...(byStream.get(hit.stream) ?? []), hit]);
  return [...byStream]
    .map(([stream, list]) => {
      const pods = new Map<string, number>();
      for (const hit of list)
        if (hit.good && hit.pod) pods.set(hit.pod, (pods.get(hit.pod) ?? 0) + 1);
      const failed = list.filter((hit) => !hit.good);
      const reasons = new Map<string, number>();
      for (const hit of failed) {
        const reason = hit.error ?? `HTTP ${hit.status}`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      return `${stream}: ${list.length} requests, ${failed.length} failed ${JSON.stringify(Object.fromEntries(reasons))}, served by ${JSON.stringify(Object.fromEntries(pods))}`;
    })
    .join('\n');
}
