// Reads what a rendered chart tells the kubelet: the container's ports, its environment with the
// ConfigMap/Secret references resolved, its probes, its UID/GID and its emptyDir mounts, and the
// Service in front of it. Everything comes from `helm template` output, never from values.yaml.
import { find, first, type K8sObject } from '../charts/helm.js';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    [other: string]: unknown;
  };
}
interface EnvFromSource {
  prefix?: string;
  secretRef?: { name: string };
  configMapRef?: { name: string };
}
interface HttpProbe {
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}
/** A lifecycle hook: the `sleep` action (Kubernetes 1.30+) or a command run in the container. */
interface LifecycleHandler {
  sleep?: { seconds: number };
  exec?: { command: string[] };
  httpGet?: unknown;
  tcpSocket?: unknown;
}
interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  readOnlyRootFilesystem?: boolean;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  livenessProbe?: HttpProbe;
  readinessProbe?: HttpProbe;
  startupProbe?: HttpProbe;
  lifecycle?: { preStop?: LifecycleHandler; postStart?: LifecycleHandler };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface Deployment extends K8sObject {
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        securityContext?: SecurityContext;
        terminationGracePeriodSeconds?: number;
        containers: Container[];
        volumes?: { name: string; emptyDir?: Record<string, unknown> }[];
      };
    };
  };
}
interface Service extends K8sObject {
  spec: {
    type?: string;
    selector: Record<string, string>;
    ports: { name?: string; port: number; targetPort?: number | string; nodePort?: number }[];
  };
}
interface DataObject extends K8sObject {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export type ProbeKind = 'startupProbe' | 'livenessProbe' | 'readinessProbe';

/** An httpGet probe as the kubelet will run it, with Kubernetes' defaults filled in. */
export interface Probe {
  kind: ProbeKind;
  path: string;
  /** The numeric container port (a named port resolved against the container's ports). */
  port: number;
  scheme: string;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/** A preStop hook the kubelet plays here: a pause before SIGTERM, however the chart spells it. */
export interface PreStopPause {
  seconds: number;
  /** How the chart rendered it, for messages: `sleep action` or `exec sleep`. */
  rendered: string;
}

export interface PodContract {
  deployment: Deployment;
  container: Container;
  containerPorts: number[];
  /** The container's environment exactly as the kubelet would set it. */
  env: Record<string, string>;
  probes: Probe[];
  /** runAsUser/runAsGroup: the container's, else the pod's; undefined when neither sets it. */
  uid: number | undefined;
  gid: number | undefined;
  runAsNonRoot: boolean;
  readOnlyRootFilesystem: boolean;
  /** Mount paths of emptyDir volumes: the only writable places of a read-only container. */
  emptyDirMounts: string[];
  /** lifecycle.preStop; undefined when the chart renders none. */
  preStop: PreStopPause | undefined;
  /** Seconds from the start of termination (preStop included) to SIGKILL; Kubernetes' default 30. */
  terminationGracePeriodSeconds: number;
  service: Service;
}

function dataOf(objects: K8sObject[], kind: 'Secret' | 'ConfigMap', name: string) {
  const object = find<DataObject>(objects, kind, name);
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(object.data ?? {})) {
    data[key] = kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value;
  }
  // stringData is merged over data when the API server stores a Secret.
  return { ...data, ...object.stringData };
}

/** `$(VAR)` references to earlier variables are expanded, `$$(VAR)` escapes one, as Kubernetes does. */
function expand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name?: string) => {
    if (match === '$$') return '$';
    return name !== undefined && name in env ? (env[name] ?? '') : match;
  });
}

/** The container's environment: envFrom first, then env in order, references resolved. */
export function resolveEnv(container: Container, objects: K8sObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const data = source.secretRef
      ? dataOf(objects, 'Secret', source.secretRef.name)
      : source.configMapRef
        ? dataOf(objects, 'ConfigMap', source.configMapRef.name)
        : undefined;
    if (!data) throw new Error(`unsupported envFrom source ${JSON.stringify(source)}`);
    for (const [key, value] of Object.entries(data)) env[`${source.prefix ?? ''}${key}`] = value;
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    let value: string | undefined;
    if (!from) value = expand(variable.value ?? '', env);
    else if (from.secretKeyRef)
      value = dataOf(objects, 'Secret', from.secretKeyRef.name)[from.secretKeyRef.key];
    else if (from.configMapKeyRef) {
      value = dataOf(objects, 'ConfigMap', from.configMapKeyRef.name)[from.configMapKeyRef.key];
    } else throw new Error(`${variable.name}: unsupported valueFrom ${JSON.stringify(from)}`);
    const reference = from?.secretKeyRef ?? from?.configMapKeyRef;
    if (value === undefined) {
      // The kubelet refuses to start the container (CreateContainerConfigError).
      if (reference?.optional) continue;
      throw new Error(
        `${variable.name}: key ${reference?.key} is not in ${from?.secretKeyRef ? 'Secret' : 'ConfigMap'} ${reference?.name}`,
      );
    }
    env[variable.name] = value;
  }
  return env;
}

function probeOf(
  kind: ProbeKind,
  probe: HttpProbe | undefined,
  container: Container,
): Probe | undefined {
  if (!probe) return undefined;
  const http = probe.httpGet;
  if (!http) throw new Error(`${kind} is not an httpGet probe`);
  const port =
    typeof http.port === 'number'
      ? http.port
      : container.ports?.find((candidate) => candidate.name === http.port)?.containerPort;
  if (port === undefined) throw new Error(`${kind}: port ${http.port} is not a container port`);
  if (http.host) throw new Error(`${kind}: probes with a host are not supported here`);
  return {
    kind,
    path: http.path ?? '/',
    port,
    scheme: http.scheme ?? 'HTTP',
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    periodSeconds: probe.periodSeconds ?? 10,
    timeoutSeconds: probe.timeoutSeconds ?? 1,
    successThreshold: probe.successThreshold ?? 1,
    failureThreshold: probe.failureThreshold ?? 3,
  };
}

/**
 * The preStop hook as a pause: `sleep: {seconds}`, or an exec of `sleep N` (directly or through
 * `sh -c`). Any other hook would need the container's filesystem to run, so it is refused here.
 */
function preStopOf(handler: LifecycleHandler | undefined): PreStopPause | undefined {
  if (!handler) return undefined;
  if (handler.sleep) return { seconds: handler.sleep.seconds, rendered: 'sleep action' };
  const command = handler.exec?.command ?? [];
  const words =
    command.length === 3 && /(^|\/)(ba)?sh$/.test(command[0] ?? '') && command[1] === '-c'
      ? (command[2] ?? '').trim().split(/\s+/)
      : command;
  const seconds =
    words.length === 2 && /(^|\/)sleep$/.test(words[0] ?? '') ? Number(words[1]) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return { seconds, rendered: 'exec sleep' };
  throw new Error(`preStop ${JSON.stringify(handler)}: only a sleep is played here`);
}

/** What the kubelet will do with the chart's one Deployment, and its Service. */
export function podContract(objects: K8sObject[], name: string): PodContract {
  const deployment = find<Deployment>(objects, 'Deployment', name);
  const service = find<Service>(objects, 'Service', name);
  const pod = deployment.spec.template.spec;
  const container = first(pod.containers, `${name} containers`);
  if (pod.containers.length !== 1) throw new Error(`${name}: expected one container`);
  const securityContext = { ...pod.securityContext, ...container.securityContext };
  const emptyDirs = new Set(
    (pod.volumes ?? []).filter((volume) => volume.emptyDir).map((volume) => volume.name),
  );
  const probes = (['startupProbe', 'readinessProbe', 'livenessProbe'] as const)
    .map((kind) => probeOf(kind, container[kind], container))
    .filter((probe): probe is Probe => probe !== undefined);
  return {
    deployment,
    container,
    containerPorts: (container.ports ?? []).map((port) => port.containerPort),
    env: resolveEnv(container, objects),
    probes,
    uid: securityContext.runAsUser,
    gid: securityContext.runAsGroup,
    runAsNonRoot: securityContext.runAsNonRoot === true,
    readOnlyRootFilesystem: securityContext.readOnlyRootFilesystem === true,
    emptyDirMounts: (container.volumeMounts ?? [])
      .filter((mount) => emptyDirs.has(mount.name))
      .map((mount) => mount.mountPath),
    preStop: preStopOf(container.lifecycle?.preStop),
    terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds ?? 30,
    service,
  };
}

/** The container port a Service port sends traffic to (a named targetPort resolved). */
export function serviceTargetPort(contract: PodContract): number {
  const servicePort = first(contract.service.spec.ports, `${contract.service.metadata.name} ports`);
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const named = contract.container.ports?.find((port) => port.name === target);
  if (!named) throw new Error(`Service targetPort ${target} names no container port`);
  return named.containerPort;
}

/**
 * Stand-in for cluster DNS and kube-proxy: `scheme://<service>[:<service port>]` in an env value
 * becomes `scheme://<address>`: by default 127.0.0.1:<targetPort>, where the one pod of the
 * Service listens on this machine; `address` names another (a proxy standing in for the Service).
 * It is the only change made to the rendered environment.
 */
export function mapServiceHosts(
  value: string,
  services: PodContract[],
  address = (_service: PodContract, targetPort: number | undefined) => `127.0.0.1:${targetPort}`,
): string {
  let mapped = value;
  for (const contract of services) {
    const name = contract.service.metadata.name;
    const servicePorts = contract.service.spec.ports;
    const pattern = new RegExp(
      `(\\w+://)${name}(?:\\.${contract.service.metadata.namespace ?? 'default'}(?:\\.svc(?:\\.cluster\\.local)?)?)?(?::(\\d+))?(?=[/,?#\\s]|$)`,
      'g',
    );
    mapped = mapped.replace(pattern, (_match, scheme: string, port?: string) => {
      const servicePort = port ? Number(port) : scheme === 'https://' ? 443 : 80;
      const entry = servicePorts.find((candidate) => candidate.port === servicePort);
      if (!entry) throw new Error(`${value}: Service ${name} has no port ${servicePort}`);
      const target = entry.targetPort ?? entry.port;
      const targetPort =
        typeof target === 'number'
          ? target
          : contract.container.ports?.find((candidate) => candidate.name === target)?.containerPort;
      return `${scheme}${address(contract, targetPort)}`;
    });
  }
  return mapped;
}
