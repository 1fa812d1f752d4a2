// The chart-to-app contract: render both charts with helm, take each container's ports, env
// (ConfigMap/Secret references resolved), probes and UID/GID from the output, start the image
// trees assembled by scripts/image-root.mjs with exactly that environment as those UIDs against a
// real PostgreSQL, then act as the kubelet and as a user. Proves the charts and the apps agree
// without a cluster.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { signAccessToken } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type K8sObject, render } from '../charts/helm.js';
import {
  type AppProcess,
  assembleImageTree,
  BASE_IMAGE_PATH,
  type Image,
  type ImageTree,
  podAddress,
  portIsFree,
  processIdentity,
  readDockerfile,
  requireRoot,
  sealTree,
  startAs,
} from '../images/image-tree.js';
import { signUp } from '../support/sign-up.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { listeningPorts, runProbe } from './kubelet.js';
import { mapServiceHosts, type PodContract, podContract, serviceTargetPort } from './pod-spec.js';

/** A test-only secret, long enough for both apps and the charts' 32-character rule. */
const SECRET = `contract-test-${randomBytes(24).toString('base64url')}`;

interface RunningPod {
  contract: PodContract;
  app: AppProcess;
  tree: ImageTree;
  uid: number;
  gid: number;
  startedAt: number;
}

const pods: RunningPod[] = [];
let database: TestDatabase | undefined;

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

/**
 * Starts the image's entry point as the pod spec says: its UID/GID (the image's USER where the
 * chart sets none), the image's ENV overridden by the rendered env, a root-owned tree the UID
 * cannot write to except the chart's emptyDir mounts.
 */
async function startPod(image: Image, contract: PodContract, services: PodContract[]) {
  const name = contract.deployment.metadata.name;
  for (const port of contract.containerPorts) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `Port ${port} (containerPort of ${name}) is already in use on this machine. The contract test runs the apps on their real container ports: stop whatever listens on ${port} (npm start, a dev server) and run it again.`,
      );
    }
  }
  const dockerfile = readDockerfile(image);
  const workdir = contract.container.workingDir ?? dockerfile.workdir;
  const writable = contract.emptyDirMounts
    // The apps' /tmp is this machine's /tmp, writable by every UID like the chart's emptyDir.
    .filter((mount) => mount !== '/tmp')
    .map((mount) => {
      if (!mount.startsWith(`${workdir}/`)) throw new Error(`unexpected emptyDir mount ${mount}`);
      return path.posix.relative(workdir, mount);
    });
  const uid = contract.uid ?? dockerfile.user.uid;
  const gid = contract.gid ?? dockerfile.user.gid;
  const command = contract.container.command ?? dockerfile.cmd.slice(0, 1);
  const args = contract.container.args ?? dockerfile.cmd.slice(1);
  if (command.join(' ') !== 'node') throw new Error(`unexpected command ${command.join(' ')}`);

  const tree = assembleImageTree(image);
  try {
    sealTree(tree.root, { uid, gid }, writable);
    const env: Record<string, string> = {
      PATH: BASE_IMAGE_PATH,
      ...dockerfile.env,
      // The container runtime sets HOSTNAME to the pod name, over the image's ENV.
      HOSTNAME: `${name}-6d8f9c7b5d-x4k2p`,
    };
    for (const [key, value] of Object.entries(contract.env)) {
      env[key] = mapServiceHosts(value, services);
    }
    const startedAt = Date.now();
    const app = startAs(args, { cwd: tree.root, env, uid, gid });
    const pod: RunningPod = { contract, app, tree, uid, gid, startedAt };
    pods.push(pod);
    return pod;
  } catch (error) {
    tree.dispose();
    throw error;
  }
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
        `${kind} GET ${probe.path} on port ${probe.port}: ${result.lastError} after ${result.elapsedMs} ms (${result.attempts} attempts)\n--- app output ---\n${app.output().slice(-3000)}`,
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
    requireRoot();
    database = await createTestDatabase(inject('postgresServerUrl'));
    [backendObjects, frontendObjects] = await Promise.all([
      renderChart('todo-backend', database.url),
      renderChart('todo-frontend', database.url),
    ]);
    backend = podContract(backendObjects, 'todo-backend');
    frontend = podContract(frontendObjects, 'todo-frontend');
  });

  afterAll(async () => {
    for (const pod of pods.reverse()) {
      await pod.app.stop();
      pod.tree.dispose();
    }
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
      const signUpResult = await signUp(origin, 'contract');
      const { email, userId, cookie, body: signUpBody } = signUpResult;
      expect(
        signUpResult.status,
        `${JSON.stringify(signUpBody)}\n${app.output().slice(-3000)}`,
      ).toBe(200);
      expect(typeof userId).toBe('string');
      expect(signUpBody?.user?.email).toBe(email);
      expect(cookie).toMatch(/session_token=/);

      const title = `Contract task ${randomBytes(6).toString('hex')}`;
      const secret = secretValue(backendObjects, 'better-auth-secret') ?? '';
      const created = await fetch(
        `http://127.0.0.1:${backendPort}/api/${encodeURIComponent(userId ?? '')}/tasks`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await signAccessToken(secret, userId ?? '')}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ title }),
        },
      );
      expect(created.status, await created.clone().text()).toBe(201);

      const page = await fetch(`${origin}/`, { headers: { cookie } });
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(
        html.includes(title),
        `GET / with the session does not show the task the backend holds; todo-frontend output:\n${app.output().slice(-3000)}`,
      ).toBe(true);

      // Without the session the same page is the visitor's, without the task.
      const anonymous = await fetch(`${origin}/`);
      expect(anonymous.status).toBe(200);
      expect(await anonymous.text()).not.toContain(title);
    });
  });
});
