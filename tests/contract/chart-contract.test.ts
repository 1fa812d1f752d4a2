// The chart-to-app contract: render both charts with helm, take each container's ports, env
// (ConfigMap/Secret references resolved), probes, UID/GID, emptyDirs and resource limits from the
// output, start the real images (built by npm run test:images's global setup) from their own
// read-only root filesystems with exactly that, against a real PostgreSQL, then act as the kubelet
// and as a user. Proves the charts and the images agree without a cluster.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type K8sObject, render } from '../charts/helm.js';
import { type Pod, parseQuantity } from '../images/support/pod-runtime.js';
import { signUp } from '../support/sign-up.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTask, renderCharts, startChartPod, testSecret } from './chart-pods.js';
import {
  containerSandbox,
  listeningPorts,
  podAddress,
  processIdentity,
  runProbe,
} from './kubelet.js';
import { type PodContract, podContract, serviceTargetPort } from './pod-spec.js';

const SECRET = testSecret();

interface RunningPod {
  contract: PodContract;
  app: Pod;
  uid: number;
  gid: number;
  startedAt: number;
}

const pods: RunningPod[] = [];
let database: TestDatabase | undefined;

async function startPod(
  app: 'backend' | 'frontend',
  contract: PodContract,
  services: PodContract[],
) {
  const { pod, ...rest } = await startChartPod(app, contract, services);
  const running: RunningPod = { ...rest, app: pod };
  pods.push(running);
  return running;
}

function renderChart(chart: 'todo-backend' | 'todo-frontend', url: string, extra = {}) {
  return render(chart, {
    set: { 'env.DATABASE_URL': url, 'env.BETTER_AUTH_SECRET': SECRET, ...extra },
  });
}

/** The value of `key` in the one rendered Secret, from stringData or base64 data. */
function secretValue(objects: K8sObject[], key: string): string | undefined {
  const secrets = objects.filter((object) => object.kind === 'Secret') as (K8sObject & {
    stringData?: Record<string, string>;
    data?: Record<string, string>;
  })[];
  expect(secrets).toHaveLength(1);
  const [secret] = secrets;
  const encoded = secret?.data?.[key];
  return secret?.stringData?.[key] ?? (encoded && Buffer.from(encoded, 'base64').toString('utf8'));
}

function describeKubelet(running: () => RunningPod) {
  it('runs as the pod securityContext UID/GID, never root', () => {
    const { contract, app, uid, gid } = running();
    expect(contract.runAsNonRoot).toBe(true);
    expect(contract.readOnlyRootFilesystem).toBe(true);
    expect(uid).not.toBe(0);
    const identity = processIdentity(app.pid);
    expect(identity.uids).toEqual([uid, uid, uid, uid]);
    expect(identity.gids).toEqual([gid, gid, gid, gid]);
  });

  it("runs on a read-only root filesystem, inside a cgroup with exactly the chart's limits", () => {
    const { contract, app } = running();
    const limits = contract.limits;
    if (!limits) throw new Error('the rendered container has no resources.limits');
    const identity = containerSandbox(app.pid);
    expect(identity.rootReadOnly).toBe(true);
    expect(identity.memoryLimitBytes).toBe(parseQuantity(limits.memory));
    expect(identity.cpuQuotaMicros / identity.cpuPeriodMicros).toBe(
      parseQuantity(limits.cpu) / 1000,
    );
    for (const mount of contract.emptyDirMounts) expect(identity.writableMounts).toContain(mount);
  });

  // Default values: readiness and liveness (the startup probe is off, as the data model has none).
  for (const kind of ['readinessProbe', 'livenessProbe'] as const) {
    it(`answers its ${kind} with 200 within the probe's initialDelaySeconds`, async () => {
      const { contract, app, startedAt } = running();
      const probe = contract.probes.find((candidate) => candidate.kind === kind);
      if (!probe) throw new Error(`the rendered Deployment has no httpGet ${kind}`);
      expect(contract.containerPorts).toContain(probe.port);
      const result = await runProbe(probe, podAddress(), startedAt);
      expect(
        result.status,
        `${kind} GET ${probe.path} on port ${probe.port}: ${result.lastError} after ${result.elapsedMs} ms (${result.attempts} attempts)\n--- app output ---\n${app.logs().slice(-3000)}`,
      ).toBe(200);
    });
  }

  it('listens on the containerPort that its Service targets, and the Service selects the pod', async () => {
    const { contract, app } = running();
    const targetPort = serviceTargetPort(contract);
    expect(contract.containerPorts).toEqual([targetPort]);
    expect(listeningPorts(app.pid)).toContain(targetPort);
    const podLabels = contract.deployment.spec.template.metadata.labels;
    expect(podLabels).toMatchObject(contract.service.spec.selector);
    const liveness = contract.probes.find((probe) => probe.kind === 'livenessProbe');
    const response = await fetch(`http://${podAddress()}:${targetPort}${liveness?.path ?? '/'}`);
    expect(response.status).toBe(200);
  });
}

describe('the charts and the apps agree', () => {
  let backendObjects: K8sObject[] = [];
  let frontendObjects: K8sObject[] = [];
  let backend: PodContract;
  let frontend: PodContract;

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    ({ backendObjects, frontendObjects, backend, frontend } = await renderCharts(
      database.url,
      SECRET,
    ));
  });

  afterAll(async () => {
    for (const pod of pods.reverse()) await pod.app.stop();
    await database?.drop();
  });

  describe('todo-backend', () => {
    let pod: RunningPod | undefined;
    const running = () => {
      if (!pod) throw new Error('todo-backend did not start');
      return pod;
    };

    beforeAll(async () => {
      pod = await startPod('backend', backend, [backend, frontend]);
    });

    it('gets its env from the rendered Secret and ConfigMap', () => {
      expect(backend.env.DATABASE_URL).toBe(database?.url);
      expect(backend.env.BETTER_AUTH_SECRET).toBe(SECRET);
      expect(backend.env.CORS_ORIGINS).toBe('http://todo-frontend:3000');
    });

    describeKubelet(running);

    it('answers the readiness probe on /ready (readinessProbe.path=/ready) with 200', async () => {
      const objects = await renderChart('todo-backend', running().contract.env.DATABASE_URL ?? '', {
        'readinessProbe.path': '/ready',
      });
      const withReady = podContract(objects, 'todo-backend');
      const readiness = withReady.probes.find((probe) => probe.kind === 'readinessProbe');
      expect(readiness?.path).toBe('/ready');
      // Only the probe differs, so the running process stands for the rolled pod.
      expect(withReady.env).toEqual(backend.env);
      expect(withReady.containerPorts).toEqual(backend.containerPorts);
      expect([withReady.uid, withReady.gid]).toEqual([backend.uid, backend.gid]);
      if (!readiness) return;
      const result = await runProbe(readiness, podAddress(), running().startedAt);
      expect(result.status, `${result.lastError}`).toBe(200);
    });
  });

  describe('todo-frontend', () => {
    let pod: RunningPod | undefined;
    const running = () => {
      if (!pod) throw new Error('todo-frontend did not start');
      return pod;
    };

    beforeAll(async () => {
      pod = await startPod('frontend', frontend, [backend, frontend]);
    });

    it('gets its env from the rendered Secret and ConfigMap, the same secret as the backend', () => {
      expect(frontend.env.DATABASE_URL).toBe(database?.url);
      expect(frontend.env.BETTER_AUTH_SECRET).toBe(SECRET);
      expect(secretValue(frontendObjects, 'better-auth-secret')).toBe(
        secretValue(backendObjects, 'better-auth-secret'),
      );
      expect(frontend.env.BACKEND_URL).toBe('http://todo-backend:8000');
      expect(frontend.env.HOSTNAME).toBe('0.0.0.0');
    });

    describeKubelet(running);

    it('signs a user up, and shows them a task the backend holds for them: session, BACKEND_URL and the shared secret agree', async () => {
      const { app } = running();
      const frontendPort = serviceTargetPort(frontend);
      const backendPort = serviceTargetPort(backend);
      // The browser reaches the frontend at its own origin; Better Auth (BETTER_AUTH_URL unset,
      // the chart's default) trusts exactly the origin of the request itself.
      const origin = `http://localhost:${frontendPort}`;
      const user = await signUp(origin, 'contract');
      expect(user.status, `${JSON.stringify(user.body)}\n${app.logs().slice(-3000)}`).toBe(200);
      expect(user.userId).not.toBe('');
      expect(user.body?.user?.email).toBe(user.email);
      const { cookie } = user;
      expect(cookie).toMatch(/session_token=/);

      const title = `Contract task ${randomBytes(6).toString('hex')}`;
      const secret = secretValue(backendObjects, 'better-auth-secret') ?? '';
      const created = await createTask(
        `http://127.0.0.1:${backendPort}`,
        secret,
        user.userId,
        title,
      );
      expect(created.status, await created.clone().text()).toBe(201);

      const page = await fetch(`${origin}/`, { headers: { cookie } });
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(
        html.includes(title),
        `GET / with the session does not show the task the backend holds; todo-frontend output:\n${app.logs().slice(-3000)}`,
      ).toBe(true);

      // Without the session the same page is the visitor's, without the task.
      const anonymous = await fetch(`${origin}/`);
      expect(anonymous.status).toBe(200);
      expect(await anonymous.text()).not.toContain(title);
    });
  });
});
