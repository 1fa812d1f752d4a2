// The charts' pods on this machine: render a chart with helm, read its pod spec (pod-spec.ts),
// and start the chart's real image exactly as rendered (tests/images/support/pod-runtime.ts).
// Shared by the contract test, the .next/cache test and npm run bench:pods.
import { randomBytes } from 'node:crypto';
import { signAccessToken } from '@todo/contract';
import { type ChartName, render } from '../charts/helm.js';
import { imageName } from '../images/support/images.js';
import { type Pod, startPod } from '../images/support/pod-runtime.js';
import { portIsFree } from './kubelet.js';
import { mapServiceHosts, type PodContract, podContract, serviceTargetPort } from './pod-spec.js';

/** A test-only secret, long enough for both apps and the charts' 32-character rule. */
export const testSecret = () => `image-test-${randomBytes(24).toString('base64url')}`;

/** Both charts rendered with their defaults and the given database and secret. */
export async function renderCharts(databaseUrl: string, secret: string, extra = {}) {
  const renderChart = (chart: ChartName) =>
    render(chart, {
      set: { 'env.DATABASE_URL': databaseUrl, 'env.BETTER_AUTH_SECRET': secret, ...extra },
    });
  const [backendObjects, frontendObjects] = await Promise.all([
    renderChart('todo-backend'),
    renderChart('todo-frontend'),
  ]);
  return {
    backendObjects,
    frontendObjects,
    backend: podContract(backendObjects, 'todo-backend'),
    frontend: podContract(frontendObjects, 'todo-frontend'),
  };
}

export interface ChartPod {
  contract: PodContract;
  pod: Pod;
  uid: number;
  gid: number;
  startedAt: number;
}

/** The variable each app binds to: in a pod, "every interface" is the pod IP. */
const BIND_VARIABLE = { backend: 'HOST', frontend: 'HOSTNAME' } as const;

export interface ChartPodOptions {
  /** Mount these instead of the chart's emptyDirs. */
  emptyDirs?: string[];
  /**
   * The pod IP (a loopback address of its own): the app binds it instead of 0.0.0.0 (HOST for the
   * backend, whose metrics listener follows it; HOSTNAME for Next), so pods of one chart run side
   * by side on their container ports.
   */
  ip?: string;
  /** The pod name the runtime sets as HOSTNAME (unless `ip` takes that variable). */
  name?: string;
  /** host:port of each Service by name, where a stand-in proxies it; 127.0.0.1:<targetPort> otherwise. */
  serviceAddresses?: Map<string, string>;
  /** Entries over the rendered env (a database of the test's own). */
  env?: Record<string, string>;
}

/**
 * Starts the chart's image as the pod spec says: its UID/GID, the rendered env over the image's
 * ENV (Service names mapped to this machine), a read-only root with the chart's emptyDirs (or
 * `emptyDirs` instead), inside the chart's resource limits, on the container port.
 */
export async function startChartPod(
  app: 'backend' | 'frontend',
  contract: PodContract,
  services: PodContract[],
  options: ChartPodOptions = {},
): Promise<ChartPod> {
  const name = contract.deployment.metadata.name;
  const host = options.ip ?? '0.0.0.0';
  for (const port of contract.containerPorts) {
    if (!(await portIsFree(port, host))) {
      throw new Error(
        `Port ${port} (containerPort of ${name}) is already in use at ${host} on this machine. The pods run on their real container ports: stop whatever listens on ${port} (npm start, a dev server) and run it again.`,
      );
    }
  }
  if (contract.container.command || contract.container.args) {
    throw new Error(`${name}: the chart overrides the image's command; only the CMD is run here`);
  }
  const { uid, gid } = contract;
  if (uid === undefined || gid === undefined) {
    throw new Error(`${name}: the chart must set runAsUser and runAsGroup`);
  }
  const { serviceAddresses } = options;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(contract.env)) {
    env[key] = serviceAddresses
      ? mapServiceHosts(value, services, (service) => {
          const address = serviceAddresses.get(service.service.metadata.name);
          if (!address) throw new Error(`no stand-in for Service ${service.service.metadata.name}`);
          return address;
        })
      : mapServiceHosts(value, services);
  }
  Object.assign(env, options.env);
  if (options.ip) env[BIND_VARIABLE[app]] = options.ip;
  const startedAt = Date.now();
  const pod = await startPod({
    image: imageName(app),
    env,
    uid,
    gid,
    port: serviceTargetPort(contract),
    host: options.ip,
    limits: contract.limits,
    emptyDirs: options.emptyDirs ?? contract.emptyDirMounts,
    hostname: options.name ?? `${name}-6d8f9c7b5d-x4k2p`,
  });
  return { contract, pod, uid, gid, startedAt };
}

/** Polls `url` until it answers 200; the error carries the pod's log. */
export async function waitUntilServing(pod: Pod, url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${url} did not answer 200 (${last})\n--- pod log ---\n${pod.logs().slice(-3000)}`,
  );
}

/** Creates a task straight through the backend's API, with a token signed by the shared secret. */
export async function createTask(
  backendUrl: string,
  secret: string,
  userId: string,
  title: string,
) {
  return fetch(`${backendUrl}/api/${encodeURIComponent(userId)}/tasks`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await signAccessToken(secret, userId)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ title }),
  });
}
