// The one place a rollout test starts a pod's container: the chart's real image, as `helm
// template` renders the pod (its UID, read-only root, emptyDirs, CPU and memory limits; see
// tests/contract/chart-pods.ts), on a loopback address of its own standing in for the pod IP.
import { startChartPod } from '../contract/chart-pods.js';
import type { StoppableContainer } from '../contract/kubelet.js';
import type { PodContract } from '../contract/pod-spec.js';

export type App = 'backend' | 'frontend';

/**
 * How each app exits after the kubelet's SIGTERM, by design: the backend 0 from its own handler,
 * the frontend 143 from Next.js's (its code for SIGTERM).
 */
export const SIGTERM_EXIT_CODE: Record<App, number> = { backend: 0, frontend: 143 };

export interface PodLaunch {
  name: string;
  /** The pod's IP: a loopback address of its own, so every pod can use its containerPorts. */
  ip: string;
  /** Both charts' contracts: the Services the rendered env names. */
  services: PodContract[];
  /** host:port of each Service (by name) as this pod reaches it. */
  serviceAddresses: Map<string, string>;
  /** Entries over the rendered env. */
  env?: Record<string, string>;
}

export interface Pod extends StoppableContainer {
  name: string;
  ip: string;
  pid: number;
  /** When the image's command started: the kubelet counts probe delays from here. */
  startedAt: number;
  output(): string;
}

/** Starts the pod's one container; resolves once the image's command runs. */
export async function launchPod(app: App, contract: PodContract, launch: PodLaunch): Promise<Pod> {
  const { pod } = await startChartPod(app, contract, launch.services, {
    ip: launch.ip,
    name: launch.name,
    serviceAddresses: launch.serviceAddresses,
    env: launch.env,
  });
  const startedAt = Date.now();
  // The kubelet's view of the exit; the container's filesystem and cgroups go with it.
  const exited = pod.exited.then(async (status) => {
    await pod.stop();
    return typeof status === 'number'
      ? { code: status, signal: null }
      : { code: null, signal: status as NodeJS.Signals };
  });
  return {
    name: launch.name,
    ip: launch.ip,
    pid: pod.pid,
    startedAt,
    output: pod.logs,
    signal: (signal) => process.kill(pod.pid, signal),
    kill: () => {
      try {
        process.kill(-pod.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
    exited,
  };
}
