// A Deployment with one replica and `maxSurge: 1, maxUnavailable: 0`, played step by step: the
// new pod starts, the kubelet probes it until Ready, the endpoints controller adds it to the
// Service; then the old pod is deleted, which removes it from the Service (after the propagation
// delay) while the kubelet runs its preStop, SIGTERM and, past the grace period, SIGKILL.
import {
  type ProbeWorkers,
  startProbeWorkers,
  type Termination,
  terminate,
} from '../contract/kubelet.js';
import { type PodContract, serviceTargetPort } from '../contract/pod-spec.js';
import { type App, launchPod, type Pod, type PodLaunch } from './launch-pod.js';
import type { ServiceProxy } from './service-proxy.js';

export interface RunningPod {
  pod: Pod;
  probes: ProbeWorkers;
}

export interface RolloutRecord {
  from: string;
  to: string;
  /** Date.now() of each step. */
  startedAt: number;
  readyAt: number;
  /** When the old pod's deletion began (endpoint removal and preStop together), and its exit. */
  deletedAt: number;
  exitedAt: number;
  removalEffectiveAfterMs: number;
  termination: Termination;
}

export interface DeploymentOptions {
  app: App;
  contract: PodContract;
  service: ServiceProxy;
  /** Both charts' contracts and where this pod reaches each Service. */
  network: Pick<PodLaunch, 'services' | 'serviceAddresses'>;
  /** Gives each new pod an IP of its own. */
  nextIp(): string;
  /** By default, the time the startup probe allows before the kubelet would restart the pod. */
  readyTimeoutMs?: number;
}

/** initialDelaySeconds + periodSeconds × failureThreshold of the startup probe, in ms (60 s without one). */
function startupBudgetMs(contract: PodContract): number {
  const startup = contract.probes.find((probe) => probe.kind === 'startupProbe');
  if (!startup) return 60_000;
  return (startup.initialDelaySeconds + startup.periodSeconds * startup.failureThreshold) * 1000;
}

export function playDeployment(options: DeploymentOptions) {
  const { app, contract, service } = options;
  const name = contract.deployment.metadata.name;
  let sequence = 0;
  let current: RunningPod | undefined;
  const everyPod: RunningPod[] = [];

  /** Starts a pod and resolves once the kubelet finds it Ready. */
  async function startReady(): Promise<RunningPod> {
    sequence += 1;
    const podName = `${name}-${String.fromCharCode(96 + sequence)}`;
    const ip = options.nextIp();
    const pod = await launchPod(app, contract, { name: podName, ip, ...options.network });
    const running = { pod, probes: startProbeWorkers(contract, ip, pod.startedAt) };
    everyPod.push(running);
    const timeoutMs = options.readyTimeoutMs ?? startupBudgetMs(contract);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        running.probes.ready,
        pod.exited.then(({ code, signal }) => {
          throw new Error(`${podName} exited (${code ?? signal}) before it was Ready`);
        }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${podName} not Ready within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- ${podName} output ---\n${pod.output().slice(-3000)}`,
      );
    } finally {
      clearTimeout(timer);
    }
    return running;
  }

  return {
    /** The first pod, Ready and behind the Service. */
    async create(): Promise<RunningPod> {
      current = await startReady();
      service.add({
        name: current.pod.name,
        host: current.pod.ip,
        port: serviceTargetPort(contract),
      });
      return current;
    },
    /** Replaces the current pod; `old` overrides what the kubelet plays on the old pod's way out. */
    async rollOut(
      old: Pick<PodContract, 'preStop' | 'terminationGracePeriodSeconds'> = contract,
    ): Promise<RolloutRecord> {
      const previous = current;
      if (!previous) throw new Error(`${name}: no pod to replace`);
      const startedAt = Date.now();
      const next = await startReady();
      const readyAt = Date.now();
      service.add({ name: next.pod.name, host: next.pod.ip, port: serviceTargetPort(contract) });
      current = next;
      const deletedAt = Date.now();
      previous.probes.stop();
      const [removal, termination] = await Promise.all([
        service.remove(previous.pod.name),
        terminate(previous.pod, old),
      ]);
      return {
        from: previous.pod.name,
        to: next.pod.name,
        startedAt,
        readyAt,
        deletedAt,
        exitedAt: Date.now(),
        removalEffectiveAfterMs: removal.effectiveAfterMs,
        termination,
      };
    },
    /** Kills for failed startup or liveness probes, by pod: a rollout must cause none. */
    probeKills: () =>
      everyPod.flatMap(({ pod, probes }) => probes.kills.map((kill) => `${pod.name}: ${kill}`)),
    output: (podName: string) =>
      everyPod.find(({ pod }) => pod.name === podName)?.pod.output() ?? '',
    async deleteAll() {
      for (const { pod, probes } of everyPod) {
        probes.stop();
        pod.kill();
        await pod.exited;
      }
    },
  };
}
