// The one place a pod's container is started. Today it runs this checkout's production build
// (`npm run build`) with the rendered environment; pointing launchPod at the image runner
// (the image's root filesystem, UID and limits) changes nothing else in the rollout tests.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StoppableContainer } from '../contract/kubelet.js';
import { mapServiceHosts, type PodContract } from '../contract/pod-spec.js';
import { watchProcess } from '../reliability/support/backend.js';
import { stack } from '../support/scripts.js';

export type App = 'backend' | 'frontend';

/**
 * How each app exits after the kubelet's SIGTERM, by design: the backend 0 from its own handler,
 * the frontend 143 from Next.js's (its code for SIGTERM).
 */
export const SIGTERM_EXIT_CODE: Record<App, number> = { backend: 0, frontend: 143 };

/** The container's output, kept for a look after a failure. */
export const POD_LOG_DIR = path.join(tmpdir(), 'todo-rollout-logs');

export interface PodNetwork {
  /** The pod's IP: a loopback address of its own, so every pod can use its containerPort. */
  ip: string;
  /** host:port of each Service (by name) as this pod reaches it. */
  services: Map<string, string>;
}

export interface Pod extends StoppableContainer {
  name: string;
  ip: string;
  pid: number;
  startedAt: number;
  output(): string;
}

/** The variable each app binds to: in a pod, "every interface" is the pod IP. */
const BIND_VARIABLE: Record<App, string> = { backend: 'HOST', frontend: 'HOSTNAME' };
/** What each image's ENV adds to the pod's environment (apps/<app>/Dockerfile). */
const IMAGE_ENV: Record<App, Record<string, string>> = {
  backend: { NODE_ENV: 'production' },
  frontend: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
};

/**
 * The container's environment: the image's ENV, HOSTNAME set to the pod name by the runtime, the
 * rendered env over both with Service names pointed at their stand-ins, and the app bound to the
 * pod IP instead of 0.0.0.0.
 */
export function podEnvironment(
  app: App,
  name: string,
  contract: PodContract,
  network: PodNetwork,
  services: PodContract[],
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...IMAGE_ENV[app],
    HOSTNAME: name,
  };
  for (const [key, value] of Object.entries(contract.env)) {
    env[key] = mapServiceHosts(value, services, (service) => {
      const address = network.services.get(service.service.metadata.name);
      if (!address) throw new Error(`no stand-in for Service ${service.service.metadata.name}`);
      return address;
    });
  }
  env[BIND_VARIABLE[app]] = network.ip;
  return env;
}

/** Starts the pod's one container with exactly `env`. */
export function launchPod(app: App, name: string, env: Record<string, string>): Pod {
  mkdirSync(POD_LOG_DIR, { recursive: true });
  const entry = app === 'backend' ? stack.backendEntry : stack.frontendEntry;
  const child = stack.startProcess(entry, {
    env,
    baseEnv: {},
    // The images' WORKDIR: the repository root for the backend, the standalone folder for Next.
    cwd: app === 'frontend' ? path.dirname(entry) : undefined,
    logFile: path.join(POD_LOG_DIR, `${name}.log`),
  });
  const { output, closed } = watchProcess(child);
  if (child.pid === undefined) throw new Error(`${name}: the process did not start`);
  const pid = child.pid;
  return {
    name,
    ip: env[BIND_VARIABLE[app]] ?? '',
    pid,
    startedAt: Date.now(),
    output,
    signal: (signal) => process.kill(pid, signal),
    kill: () => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
    exited: closed,
  };
}
