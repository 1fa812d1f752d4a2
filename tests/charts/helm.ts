// Runs the real helm binary (scripts/helm.mjs) against the charts and parses what it renders.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type ChartName = 'todo-backend' | 'todo-frontend';
export const charts: readonly ChartName[] = ['todo-backend', 'todo-frontend'];
/** The two app charts and the umbrella chart `todo` that installs both. */
export type AnyChart = ChartName | 'todo';

/** The data model's runAsUser of each chart's pods (65534 nobody, 1000 node). */
export const chartUids: Record<ChartName, number> = {
  'todo-backend': 65534,
  'todo-frontend': 1000,
};

export function chartDir(chart: AnyChart): string {
  return join(repoRoot, 'charts', chart);
}

/** Test-only credentials: obviously fake, long enough for the 32-character rule. */
export const testSecrets = {
  DATABASE_URL: 'postgresql://todo:not-a-real-password@db.invalid:5432/todo?sslmode=require',
  BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdefghijklmn',
} as const;

/** `--set` pairs that satisfy the chart's required values. */
export const requiredValues: Readonly<Record<string, string>> = {
  'env.DATABASE_URL': testSecrets.DATABASE_URL,
  'env.BETTER_AUTH_SECRET': testSecrets.BETTER_AUTH_SECRET,
};

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

export interface HelmOptions {
  /** Values passed with --set (each value also goes through --set's type inference). */
  set?: Record<string, string | number | boolean>;
  /** A values document written to a temporary file and passed with -f. */
  values?: Record<string, unknown>;
  /** Release name; defaults to the chart name, as the data model installs it. */
  release?: string;
  /** Leave out the required secret values. */
  withoutRequired?: boolean;
  /** Kubernetes version helm assumes (`--kube-version`); helm's own default otherwise. */
  kubeVersion?: string;
  /** Render the chart at this path instead of charts/<chart> (the umbrella chart's built copy). */
  chartPath?: string;
}

interface HelmScript {
  helmPath: () => Promise<string>;
}

let helmBinary: Promise<string> | undefined;

/** Path of the helm binary (downloaded once into .cache/helm by scripts/helm.mjs when needed). */
export function helm(): Promise<string> {
  if (!helmBinary) {
    const scriptUrl = new URL('../../scripts/helm.mjs', import.meta.url).href;
    helmBinary = (import(scriptUrl) as Promise<HelmScript>).then((script) => script.helmPath());
  }
  return helmBinary;
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with the given arguments; never throws on a non-zero exit. */
export async function runHelm(args: string[]): Promise<HelmResult> {
  const binary = await helm();
  try {
    const { stdout, stderr } = await run(binary, args, {
      cwd: repoRoot,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? String(error),
    };
  }
}

/** Runs `helm <command> <chart-or-release...>` with the options' values (temp values file cleaned up). */
async function withValueArgs<T>(
  chart: AnyChart,
  options: HelmOptions,
  use: (valueArgs: string[]) => Promise<T>,
): Promise<T> {
  const set = { ...(options.withoutRequired ? {} : requiredValues), ...options.set };
  const args = Object.entries(set).flatMap(([key, value]) => ['--set', `${key}=${value}`]);
  if (options.kubeVersion) args.push('--kube-version', options.kubeVersion);
  if (!options.values) return use(args);
  const dir = await mkdtemp(join(tmpdir(), `${chart}-values-`));
  try {
    const file = join(dir, 'values.yaml');
    // JSON is YAML that every parser reads alike (no YAML 1.1 `on`/`yes` booleans).
    await writeFile(file, JSON.stringify(options.values, null, 2));
    return await use(['-f', file, ...args]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `helm template`, returning the raw result (for failure tests). */
export function templateRaw(chart: AnyChart, options: HelmOptions = {}): Promise<HelmResult> {
  return withValueArgs(chart, options, (valueArgs) =>
    runHelm([
      'template',
      options.release ?? chart,
      options.chartPath ?? chartDir(chart),
      ...valueArgs,
    ]),
  );
}

/** `helm template`, parsed into objects; fails the test when helm fails. */
export async function render(chart: AnyChart, options: HelmOptions = {}): Promise<K8sObject[]> {
  const result = await templateRaw(chart, options);
  if (result.code !== 0) {
    throw new Error(`helm template ${chart} failed:\n${result.stderr}`);
  }
  return parseManifests(result.stdout);
}

/**
 * A copy of charts/ in a temporary folder with the umbrella chart's dependencies built
 * (`helm dependency build`, no network for file:// dependencies): tests never write into the
 * repository and need no committed .tgz. Returns the umbrella chart's path and a cleanup.
 */
export async function buildUmbrella(): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'todo-umbrella-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const all: AnyChart[] = ['todo', ...charts];
    for (const chart of all) {
      await cp(chartDir(chart), join(dir, chart), {
        recursive: true,
        // A packed charts/todo/charts/ from a local `helm dependency build` is rebuilt here.
        filter: (source) => !source.startsWith(join(chartDir('todo'), 'charts')),
      });
    }
    const path = join(dir, 'todo');
    const result = await runHelm(['dependency', 'build', path]);
    if (result.code !== 0) throw new Error(`helm dependency build failed:\n${result.stderr}`);
    return { path, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Parses multi-document YAML output, dropping empty documents. */
export function parseManifests(text: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw new Error(document.errors.join('\n'));
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    objects.push(value as K8sObject);
  }
  return objects;
}

/** `helm lint --strict` on a chart with the options' values. */
export function lint(chart: AnyChart, options: HelmOptions = {}): Promise<HelmResult> {
  return withValueArgs(chart, options, (valueArgs) =>
    runHelm(['lint', '--strict', options.chartPath ?? chartDir(chart), ...valueArgs]),
  );
}

/** NOTES.txt as `helm install --dry-run=client` prints it (no cluster needed). */
export async function notes(chart: AnyChart, options: HelmOptions = {}): Promise<string> {
  const result = await withValueArgs(chart, options, (valueArgs) =>
    runHelm([
      'install',
      options.release ?? chart,
      options.chartPath ?? chartDir(chart),
      '--dry-run=client',
      '--namespace',
      'default',
      ...valueArgs,
    ]),
  );
  if (result.code !== 0)
    throw new Error(`helm install --dry-run ${chart} failed:\n${result.stderr}`);
  const start = result.stdout.indexOf('NOTES:');
  if (start < 0) throw new Error('no NOTES in helm install --dry-run output');
  return result.stdout.slice(start);
}

/** True for `helm test` hook pods. */
export function isTestHook(object: K8sObject): boolean {
  return object.metadata.annotations?.['helm.sh/hook'] === 'test';
}

/** The one object of that kind (and name, if given); fails when absent or ambiguous. */
export function find<T = K8sObject>(objects: K8sObject[], kind: string, name?: string): T {
  const matches = objects.filter(
    (object) => object.kind === kind && (name === undefined || object.metadata.name === name),
  );
  if (matches.length !== 1) {
    throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${matches.length}`);
  }
  return matches[0] as T;
}

/** The first element of a list that must not be empty. */
export function first<T>(list: readonly T[] | undefined, what = 'list'): T {
  const item = list?.[0];
  if (item === undefined) throw new Error(`${what} is empty`);
  return item;
}

const monitoringNamespace = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
};
const smtpEgress = { to: [{ ipBlock: { cidr: '192.0.2.25/32' } }], ports: [{ port: 587 }] };

/** Every optional feature switched on, for lint and schema checks. */
export function allFeaturesValues(chart: ChartName): Record<string, unknown> {
  const shared: Record<string, unknown> = {
    ingress: {
      enabled: true,
      className: 'nginx',
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '1m' },
      tls: [{ secretName: `${chart}-tls`, hosts: [`${chart}.local`] }],
    },
    autoscaling: {
      enabled: true,
      minReplicas: 2,
      maxReplicas: 6,
      targetCPUUtilizationPercentage: 70,
      targetMemoryUtilizationPercentage: 80,
    },
    podDisruptionBudget: { enabled: true },
    replicaCount: 2,
    networkPolicy: { enabled: true },
    serviceAccount: { create: true, annotations: { 'example.com/role': 'todo' } },
    startupProbe: { enabled: true },
    podAnnotations: { 'example.com/team': 'todo' },
    podLabels: { tier: chart === 'todo-backend' ? 'api' : 'web' },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'todo', effect: 'NoSchedule' }],
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: { matchLabels: { app: chart } },
            },
          },
        ],
      },
    },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: chart } },
      },
    ],
    imagePullSecrets: [{ name: 'regcred' }],
    extraEnv: [{ name: 'EXTRA_SETTING', value: 'on' }],
    envFrom: [{ configMapRef: { name: 'todo-extra-settings' } }],
    priorityClassName: 'todo-priority',
    initContainers: [
      {
        name: 'wait-a-moment',
        image: 'busybox:1.37',
        command: ['sleep', '1'],
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          runAsNonRoot: true,
          seccompProfile: { type: 'RuntimeDefault' },
        },
      },
    ],
    extraVolumes: [{ name: 'ca-bundle', configMap: { name: 'todo-ca-bundle' } }],
    extraVolumeMounts: [{ name: 'ca-bundle', mountPath: '/etc/todo-ca', readOnly: true }],
    emptyDir: { sizeLimit: '64Mi' },
    resources: {
      requests: { cpu: '100m', memory: '256Mi', 'ephemeral-storage': '64Mi' },
      limits: { cpu: '500m', memory: '512Mi', 'ephemeral-storage': '256Mi' },
    },
    lifecycle: { postStart: { exec: { command: ['true'] } } },
  };
  if (chart === 'todo-backend') {
    return {
      ...shared,
      metrics: {
        enabled: true,
        serviceMonitor: { enabled: true, labels: { release: 'kube-prometheus-stack' } },
      },
      migrationJob: { enabled: true },
      networkPolicy: {
        enabled: true,
        extraIngressFrom: [monitoringNamespace],
        metricsFrom: [monitoringNamespace],
        egress: { enabled: true, databaseCidrs: ['10.20.0.0/16'], extraRules: [smtpEgress] },
      },
    };
  }
  return {
    ...shared,
    env: { BETTER_AUTH_URL: 'https://todo.example.com', TRUSTED_PROXIES: '10.0.0.0/8' },
    service: { externalTrafficPolicy: 'Local' },
    networkPolicy: {
      enabled: true,
      ingressFrom: [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      ],
      egress: { enabled: true, extraRules: [smtpEgress] },
    },
  };
}
