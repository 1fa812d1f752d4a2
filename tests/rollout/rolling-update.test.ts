// A rolling update of both charts, one replica each, under continuous load, with the kubelet and
// the Services played on this machine: the real images started as `helm template` renders their
// pods (env, UID, read-only root, CPU and memory limits), with the rendered probes, preStop and
// grace period, behind TCP proxies standing in for kube-proxy.
import { randomBytes } from 'node:crypto';
import { signAccessToken } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { render } from '../charts/helm.js';
import { type PodContract, podContract } from '../contract/pod-spec.js';
import { signUp } from '../support/sign-up.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { playDeployment, type RolloutRecord } from './deployment.js';
import { type App, SIGTERM_EXIT_CODE } from './launch-pod.js';
import { type ServiceProxy, startServiceProxy } from './service-proxy.js';
import { type Hit, type Stream, startTraffic, summarize } from './traffic.js';

const SECRET = `rollout-test-${randomBytes(24).toString('base64url')}`;
/** How long an endpoint removal takes to reach kube-proxy, as measured on real clusters. */
const PROPAGATION_MS = { min: 1_000, max: 2_000 };
/**
 * Each pod must give at least this many good answers of its stream while its rollout runs (the
 * page, rendered on the server, is the slower one: a few a second on a loaded two-core machine).
 */
const MEANINGFUL = 10;
/**
 * Two rollouts, each waiting at most as long as the kubelet would for the new pod to start (the
 * startup probes allow 300 s for the backend, 150 s for the frontend) plus the old pod's 30 s
 * grace period, so a pod that never gets Ready fails with its own message, not the test timeout.
 */
const ROLLOUT_TIMEOUT_MS = 600_000;

type Deployment = ReturnType<typeof playDeployment>;

let database: TestDatabase | undefined;
const services = new Map<App, ServiceProxy>();
const deployments = new Map<App, Deployment>();
const contracts = new Map<App, PodContract>();
let streams: Stream[] = [];

function deployment(app: App): Deployment {
  const found = deployments.get(app);
  if (!found) throw new Error(`todo-${app} was not deployed`);
  return found;
}

function contract(app: App): PodContract {
  const found = contracts.get(app);
  if (!found) throw new Error(`todo-${app} was not rendered`);
  return found;
}

/** The rendered preStop, or a failure that says what the chart must render. */
function renderedPreStop(app: App) {
  const { preStop, terminationGracePeriodSeconds } = contract(app);
  if (!preStop) {
    throw new Error(
      `charts/todo-${app} renders no lifecycle.preStop: without a pause before SIGTERM the pod stops while kube-proxy still sends it new connections (see the next test). Render a preStop sleep of at least ${PROPAGATION_MS.max / 1000} s by default.`,
    );
  }
  if (preStop.seconds * 1000 < PROPAGATION_MS.max) {
    throw new Error(
      `charts/todo-${app} renders a preStop ${preStop.rendered} of ${preStop.seconds} s, shorter than the ${PROPAGATION_MS.max / 1000} s an endpoint removal may take to propagate.`,
    );
  }
  return { preStop, terminationGracePeriodSeconds };
}

/** Rolls both apps in turn under load (2 s of it before and after); returns what happened. */
async function rollBothUnderLoad(
  old: (app: App) => Pick<PodContract, 'preStop' | 'terminationGracePeriodSeconds'>,
) {
  const traffic = startTraffic(streams);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const records = new Map<App, RolloutRecord>();
  for (const app of ['backend', 'frontend'] as const) {
    records.set(app, await deployment(app).rollOut(old(app)));
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return { hits: await traffic.stop(), records };
}

/** The load on each app: the API's task list, the signed-in tasks page. */
const STREAM_OF: Record<App, string> = { backend: 'api', frontend: 'page' };

/** New connections the Service sent to the old pod after the kubelet's SIGTERM. */
function connectionsAfterSigterm(app: App, record: RolloutRecord): number {
  const sigtermAt = record.deletedAt + (record.termination.sigtermAfterMs ?? 0);
  const times = services.get(app)?.connections.get(record.from) ?? [];
  return times.filter((time) => time > sigtermAt).length;
}

/** A line per rollout: how long each step took. */
const describeRecords = (records: Map<App, RolloutRecord>) =>
  [...records.values()]
    .map(
      (record) =>
        `${record.from} -> ${record.to}: Ready after ${record.readyAt - record.startedAt} ms; endpoint removed ${record.removalEffectiveAfterMs} ms, SIGTERM ${record.termination.sigtermAfterMs} ms, exit ${record.termination.code ?? record.termination.signal} ${record.termination.exitedAfterMs} ms after the deletion${record.termination.killed ? ' (SIGKILL)' : ''}`,
    )
    .join('\n');

/** Hits of a stream between two moments. */
const within = (hits: Hit[], stream: string, from: number, to: number) =>
  hits.filter((hit) => hit.stream === stream && hit.startedAt >= from && hit.startedAt <= to);

describe('rolling update, maxSurge 1 / maxUnavailable 0, under load (the real images within their limits, real PostgreSQL)', () => {
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    const set = { 'env.DATABASE_URL': database.url, 'env.BETTER_AUTH_SECRET': SECRET };
    for (const app of ['backend', 'frontend'] as const) {
      contracts.set(app, podContract(await render(`todo-${app}`, { set }), `todo-${app}`));
      services.set(app, await startServiceProxy({ propagationMs: PROPAGATION_MS }));
    }
    const serviceAddresses = new Map(
      (['backend', 'frontend'] as const).map((app) => [
        `todo-${app}`,
        services.get(app)?.address ?? '',
      ]),
    );
    let lastOctet = 10;
    for (const app of ['backend', 'frontend'] as const) {
      const service = services.get(app);
      if (!service) throw new Error('no Service');
      const played = playDeployment({
        app,
        contract: contract(app),
        service,
        network: { services: [contract('backend'), contract('frontend')], serviceAddresses },
        nextIp: () => {
          lastOctet += 1;
          return `127.0.2.${lastOctet}`;
        },
      });
      deployments.set(app, played);
      await played.create();
    }

    // A signed-up user with a task: the API lists it, the signed-in page shows it.
    const frontendUrl = services.get('frontend')?.url ?? '';
    const backendUrl = services.get('backend')?.url ?? '';
    const user = await signUp(frontendUrl, 'rollout');
    if (user.status !== 200 || !user.userId)
      throw new Error(`sign-up failed: ${user.status} ${JSON.stringify(user.body)}`);
    const token = await signAccessToken(SECRET, user.userId, { ttlSeconds: 3600 });
    const title = `Rollout task ${randomBytes(6).toString('hex')}`;
    const tasksPath = `/api/${encodeURIComponent(user.userId)}/tasks`;
    const created = await fetch(`${backendUrl}${tasksPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    if (created.status !== 201)
      throw new Error(`creating a task failed: ${created.status} ${await created.text()}`);
    streams = [
      {
        name: 'api',
        service: services.get('backend') as ServiceProxy,
        path: tasksPath,
        headers: { authorization: `Bearer ${token}` },
        isGood: (status, text) => status === 200 && text.includes(title),
        keepAliveClients: 4,
        newConnectionClients: 2,
      },
      {
        name: 'page',
        service: services.get('frontend') as ServiceProxy,
        path: '/',
        headers: { cookie: user.cookie },
        isGood: (status, text) => status === 200 && text.includes(title),
        keepAliveClients: 2,
        newConnectionClients: 2,
      },
    ];
  });

  afterAll(async () => {
    for (const played of deployments.values()) await played.deleteAll();
    for (const service of services.values()) await service.close();
    await database?.drop();
  });

  it(
    'replaces each pod with the rendered preStop, SIGTERM and grace period: zero failed requests, both pods serve',
    async () => {
      const pause = { backend: renderedPreStop('backend'), frontend: renderedPreStop('frontend') };
      const { hits, records } = await rollBothUnderLoad((app) => pause[app]);
      console.log(
        `rollout with the rendered preStop:\n${summarize(hits)}\n${describeRecords(records)}`,
      );

      const failed = hits.filter((hit) => !hit.good);
      expect(
        failed
          .slice(0, 10)
          .map(
            (hit) =>
              `${hit.stream} ${hit.connection} ${hit.error ?? hit.status} at ${hit.startedAt}`,
          ),
        `failed requests during the rollouts: ${JSON.stringify([...records.values()])}`,
      ).toEqual([]);
      for (const [app, record] of records) {
        expect(record.termination, `${record.from}: exit`).toMatchObject({
          code: SIGTERM_EXIT_CODE[app],
          killed: false,
        });
        // The pause outlasted the endpoint propagation: no new connection met the stopping pod.
        expect(
          connectionsAfterSigterm(app, record),
          `new connections to ${record.from} after its SIGTERM`,
        ).toBe(0);
        const stream = STREAM_OF[app];
        const during = within(hits, stream, record.startedAt, record.exitedAt).filter(
          (hit) => hit.good,
        );
        for (const pod of [record.from, record.to]) {
          expect(
            during.filter((hit) => hit.pod === pod).length,
            `good ${stream} answers from ${pod} while ${record.from} was replaced`,
          ).toBeGreaterThanOrEqual(MEANINGFUL);
        }
      }
      expect([...deployments.values()].flatMap((played) => played.probeKills())).toEqual([]);
    },
    ROLLOUT_TIMEOUT_MS,
  );

  it(
    'without the preStop pause, new connections still reach the pod after its SIGTERM: the pause is what keeps them away',
    async () => {
      const { hits, records } = await rollBothUnderLoad((app) => ({
        ...contract(app),
        preStop: undefined,
      }));
      console.log(`rollout without a preStop:\n${summarize(hits)}\n${describeRecords(records)}`);

      for (const [app, record] of records) {
        // Whether those connections then fail depends on the app: both keep listening while they
        // drain and answer them, but a drain that ends before the propagation does leaves the rest
        // to be refused (see docs/kubernetes.md).
        expect(
          connectionsAfterSigterm(app, record),
          `new connections to ${record.from} after its SIGTERM`,
        ).toBeGreaterThan(0);
      }
    },
    ROLLOUT_TIMEOUT_MS,
  );
});
