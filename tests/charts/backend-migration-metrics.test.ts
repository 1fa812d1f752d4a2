// todo-backend: the migration hook Job (a failed migration fails `helm upgrade`) and /metrics on a
// port the API's Service does not expose, with scrape annotations or a ServiceMonitor.
import type { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IJob } from 'kubernetes-models/batch/v1';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { IContainer, ISecret, IService } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { find, first, type K8sObject, notes, render, templateRaw, testSecrets } from './helm.js';

function deployment(objects: K8sObject[]): IDeployment {
  return find<IDeployment>(objects, 'Deployment');
}

function container(objects: K8sObject[]): IContainer {
  return first(deployment(objects).spec?.template.spec?.containers);
}

function envValue(c: IContainer | undefined, name: string) {
  return c?.env?.find((variable) => variable.name === name);
}

describe('todo-backend migration Job', () => {
  it('is off by default: the pods migrate at start', async () => {
    const objects = await render('todo-backend');
    expect(objects.filter((o) => o.kind === 'Job')).toEqual([]);
    expect(envValue(container(objects), 'MIGRATE_ON_START')?.value).toBe('true');
  });

  it('runs `server.js migrate` as a pre-install/pre-upgrade hook; the pods then skip migrations', async () => {
    const objects = await render('todo-backend', {
      values: { migrationJob: { enabled: true }, imagePullSecrets: [{ name: 'regcred' }] },
    });
    expect(envValue(container(objects), 'MIGRATE_ON_START')?.value).toBe('false');
    const job = find<IJob>(objects, 'Job', 'todo-backend-migrate');
    expect(job.metadata?.annotations).toEqual({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '0',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    expect(job.spec?.backoffLimit).toBe(0);
    expect(job.spec?.activeDeadlineSeconds).toBe(240);
    const podSpec = job.spec?.template.spec;
    const app = deployment(objects).spec?.template.spec;
    expect(podSpec?.restartPolicy).toBe('Never');
    // Same image, security contexts and pull secrets as the app's pods.
    expect(podSpec?.securityContext).toEqual(app?.securityContext);
    expect(podSpec?.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(podSpec?.automountServiceAccountToken).toBe(false);
    const migrate = first(podSpec?.containers);
    expect(migrate.image).toBe(container(objects).image);
    expect(migrate.securityContext).toEqual(container(objects).securityContext);
    expect(migrate.command).toEqual(['node', '/app/apps/backend/dist/server.js', 'migrate']);
    expect(migrate.resources).toEqual(container(objects).resources);
    // Only the database URL: the Job needs no signing secret.
    expect(migrate.env?.map((v) => v.name)).toEqual(['DATABASE_URL', 'NODE_ENV']);
    // Out of the Service: its `app` label is not the selector's.
    expect(job.spec?.template.metadata?.labels?.app).toBe('todo-backend-migrate');
  });

  it('reads DATABASE_URL from a hook Secret of this release, which exists before the Job', async () => {
    const objects = await render('todo-backend', { set: { 'migrationJob.enabled': true } });
    const secret = find<ISecret>(objects, 'Secret', 'todo-backend-migrate');
    // pre-install: the release's own Secret does not exist yet; pre-upgrade: it still holds the old URL.
    expect(secret.metadata?.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(Number(secret.metadata?.annotations?.['helm.sh/hook-weight'])).toBeLessThan(0);
    expect(secret.metadata?.annotations?.['helm.sh/hook-delete-policy']).toBe(
      'before-hook-creation,hook-succeeded,hook-failed',
    );
    expect(secret.stringData).toEqual({ 'database-url': testSecrets.DATABASE_URL });
    const job = find<IJob>(objects, 'Job');
    const ref = envValue(first(job.spec?.template.spec?.containers), 'DATABASE_URL');
    expect(ref?.valueFrom?.secretKeyRef).toEqual({
      name: 'todo-backend-migrate',
      key: 'database-url',
    });
  });

  it('reads an existing Secret directly, and renders no hook Secret then', async () => {
    const objects = await render('todo-backend', {
      withoutRequired: true,
      set: { 'migrationJob.enabled': true, existingSecret: 'todo-credentials' },
    });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const job = find<IJob>(objects, 'Job');
    const ref = envValue(first(job.spec?.template.spec?.containers), 'DATABASE_URL');
    expect(ref?.valueFrom?.secretKeyRef?.name).toBe('todo-credentials');
  });

  it('tells the operator where the logs of a failed migration are', async () => {
    const text = await notes('todo-backend', { set: { 'migrationJob.enabled': true } });
    expect(text).toContain('kubectl --namespace default logs job/todo-backend-migrate');
  });
});

describe('todo-backend metrics port', () => {
  it('serves /metrics on METRICS_PORT by default, a port no Service exposes', async () => {
    const objects = await render('todo-backend');
    expect(envValue(container(objects), 'METRICS_PORT')?.value).toBe('9464');
    expect(container(objects).ports?.map((p) => p.containerPort)).toEqual([8000]);
    const services = objects.filter((o): o is K8sObject & IService => o.kind === 'Service');
    expect(services.flatMap((s) => s.spec?.ports?.map((p) => p.port) ?? [])).toEqual([8000]);
    const annotations = deployment(objects).spec?.template.metadata?.annotations ?? {};
    expect(Object.keys(annotations).filter((k) => k.startsWith('prometheus.io/'))).toEqual([]);
  });

  it('declares the port and annotates the pods for Prometheus with metrics.enabled', async () => {
    const objects = await render('todo-backend', {
      set: { 'metrics.enabled': true, 'metrics.port': 9100 },
    });
    expect(container(objects).ports).toContainEqual({
      name: 'metrics',
      containerPort: 9100,
      protocol: 'TCP',
    });
    expect(deployment(objects).spec?.template.metadata?.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9100',
      'prometheus.io/path': '/metrics',
    });
    expect(
      find<IService>(objects, 'Service', 'todo-backend').spec?.ports?.map((p) => p.port),
    ).toEqual([8000]);
  });

  it('creates a ServiceMonitor and the headless metrics Service it selects', async () => {
    const objects = await render('todo-backend', {
      values: { metrics: { serviceMonitor: { enabled: true, labels: { release: 'prom' } } } },
    });
    const service = find<IService>(objects, 'Service', 'todo-backend-metrics');
    expect(service.spec?.clusterIP).toBe('None');
    expect(service.spec?.selector).toEqual({ app: 'todo-backend' });
    expect(service.spec?.ports).toEqual([
      { name: 'metrics', port: 9464, targetPort: 'metrics', protocol: 'TCP' },
    ]);
    const monitor = find<ServiceMonitor>(objects, 'ServiceMonitor');
    expect(monitor.metadata?.labels?.release).toBe('prom');
    // It selects the metrics Service only, never the API's.
    const selector = monitor.spec.selector.matchLabels ?? {};
    const api = find<IService>(objects, 'Service', 'todo-backend');
    const matches = (labels: Record<string, string> | undefined) =>
      Object.entries(selector).every(([key, value]) => labels?.[key] === value);
    expect(matches(service.metadata?.labels)).toBe(true);
    expect(matches(api.metadata?.labels)).toBe(false);
    expect(monitor.spec.endpoints).toEqual([
      { port: 'metrics', path: '/metrics', interval: '30s' },
    ]);
  });

  it('admits only metricsFrom to the metrics port under the NetworkPolicy, and requires it', async () => {
    const missing = await templateRaw('todo-backend', {
      set: { 'networkPolicy.enabled': true, 'metrics.enabled': true },
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('todo-backend: networkPolicy.metricsFrom is empty');
    const monitoring = { namespaceSelector: { matchLabels: { name: 'monitoring' } } };
    const objects = await render('todo-backend', {
      values: {
        metrics: { enabled: true },
        networkPolicy: { enabled: true, metricsFrom: [monitoring] },
      },
    });
    const ingress = find<INetworkPolicy>(objects, 'NetworkPolicy').spec?.ingress ?? [];
    expect(ingress[1]).toEqual({ ports: [{ port: 9464, protocol: 'TCP' }], from: [monitoring] });
    expect(first(ingress).ports).toEqual([{ port: 8000, protocol: 'TCP' }]);
  });

  it('refuses a metrics port equal to the API port', async () => {
    const result = await templateRaw('todo-backend', { set: { 'metrics.port': 8000 } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('metrics.port must differ from containerPort (8000)');
  });
});
