// With default values (plus the two required secrets) the charts render the data model field for field.
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IConfigMap, ISecret, IService } from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataModel, subsetDifference } from './data-model.js';
import {
  type ChartName,
  charts,
  chartUids,
  find,
  first,
  isTestHook,
  type K8sObject,
  render,
  testSecrets,
} from './helm.js';

const expectedPorts: Record<ChartName, number> = { 'todo-backend': 8000, 'todo-frontend': 3000 };

describe.each(charts)('%s with default values', (chart) => {
  let objects: K8sObject[];
  let resources: K8sObject[];

  beforeAll(async () => {
    objects = await render(chart);
    resources = objects.filter((object) => !isTestHook(object));
  });

  it('renders exactly the four resources of the data model (plus the helm test pod)', () => {
    expect(resources.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        `ConfigMap/${chart}-config`,
        `Deployment/${chart}`,
        `Secret/${chart}-secret`,
        `Service/${chart}`,
      ].sort(),
    );
    expect(objects.filter(isTestHook).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      `Pod/${chart}-test-connection`,
    ]);
  });

  it.each(dataModel(chart).map((o) => [`${o.kind} ${o.metadata.name}`, o] as const))(
    'renders every field of the spec for %s',
    (_label, expected) => {
      const actual = find(resources, expected.kind, expected.metadata.name);
      expect(actual.apiVersion).toBe(expected.apiVersion);
      expect(subsetDifference(actual, expected)).toBeUndefined();
    },
  );

  it('puts the five labels of the label table on every resource', () => {
    for (const object of resources) {
      expect(object.metadata.labels, `${object.kind} ${object.metadata.name}`).toMatchObject({
        app: chart,
        'app.kubernetes.io/name': chart,
        'app.kubernetes.io/instance': chart,
        'app.kubernetes.io/version': '1.0.0',
        'app.kubernetes.io/managed-by': 'Helm',
      });
    }
  });

  it('selects pods with exactly `app: <name>` and labels the pod template with it', () => {
    const deployment = find<IDeployment>(resources, 'Deployment');
    const service = find<IService>(resources, 'Service');
    expect(deployment.spec?.selector.matchLabels).toEqual({ app: chart });
    expect(deployment.spec?.template.metadata?.labels?.app).toBe(chart);
    expect(service.spec?.selector).toEqual({ app: chart });
  });

  it('runs one container named after the chart with the data model port, probes and resources', () => {
    const deployment = find<IDeployment>(resources, 'Deployment');
    const pod = deployment.spec?.template.spec;
    expect(pod?.containers).toHaveLength(1);
    const container = first(pod?.containers, 'containers');
    const port = expectedPorts[chart];
    expect(container.name).toBe(chart);
    expect(container.image).toBe(`${chart}:1.0.0`);
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    expect(container.livenessProbe?.httpGet).toEqual({
      path: chart === 'todo-backend' ? '/health' : '/',
      port,
    });
    expect(container.readinessProbe?.httpGet).toEqual({
      path: chart === 'todo-backend' ? '/health' : '/',
      port,
    });
    expect(pod?.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: chartUids[chart],
      runAsGroup: chartUids[chart],
      fsGroup: chartUids[chart],
    });
    expect(deployment.spec?.replicas).toBe(1);
  });

  it('reads the credentials from the Secret keys database-url and better-auth-secret', () => {
    const container = first(
      find<IDeployment>(resources, 'Deployment').spec?.template.spec?.containers,
    );
    const env = new Map(container.env?.map((variable) => [variable.name, variable]));
    expect(env.get('DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: `${chart}-secret`,
      key: 'database-url',
    });
    expect(env.get('BETTER_AUTH_SECRET')?.valueFrom?.secretKeyRef).toEqual({
      name: `${chart}-secret`,
      key: 'better-auth-secret',
    });
    const secret = find<ISecret>(resources, 'Secret');
    expect(secret.type).toBe('Opaque');
    expect(secret.stringData).toEqual({
      'database-url': testSecrets.DATABASE_URL,
      'better-auth-secret': testSecrets.BETTER_AUTH_SECRET,
    });
    expect(secret.data).toBeUndefined();
  });

  it('keeps the fixed names and tracks the release in app.kubernetes.io/instance', async () => {
    const other = (await render(chart, { release: 'staging' })).filter((o) => !isTestHook(o));
    expect(other.map((o) => o.metadata.name).sort()).toEqual(
      resources.map((o) => o.metadata.name).sort(),
    );
    for (const object of other) {
      expect(object.metadata.labels?.['app.kubernetes.io/instance']).toBe('staging');
    }
  });

  it('sets app.kubernetes.io/version to the image tag', async () => {
    const tagged = await render(chart, { set: { 'image.tag': '2.3.4' } });
    for (const object of tagged) {
      expect(object.metadata.labels?.['app.kubernetes.io/version']).toBe('2.3.4');
    }
    const container = first(
      find<IDeployment>(tagged, 'Deployment').spec?.template.spec?.containers,
    );
    expect(container.image).toBe(`${chart}:2.3.4`);
  });
});

describe('todo-backend specifics', () => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render('todo-backend');
  });

  it('takes CORS_ORIGINS from the ConfigMap key cors-origins', () => {
    const container = first(
      find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers,
    );
    const cors = container.env?.find((variable) => variable.name === 'CORS_ORIGINS');
    expect(cors?.valueFrom?.configMapKeyRef).toEqual({
      name: 'todo-backend-config',
      key: 'cors-origins',
    });
    expect(find<IConfigMap>(objects, 'ConfigMap').data).toEqual({
      'cors-origins': 'http://todo-frontend:3000',
    });
  });

  it('is a ClusterIP Service on 8000 with no node port', () => {
    const service = find<IService>(objects, 'Service');
    expect(service.spec?.type).toBe('ClusterIP');
    expect(service.spec?.ports).toEqual([
      { port: 8000, targetPort: 8000, protocol: 'TCP', name: 'http' },
    ]);
  });

  it('sets the runtime environment the app expects', () => {
    const container = first(
      find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers,
    );
    const values = Object.fromEntries(
      (container.env ?? []).filter((v) => v.value !== undefined).map((v) => [v.name, v.value]),
    );
    expect(values).toEqual({
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: 'true',
      NODE_ENV: 'production',
      PORT: '8000',
      SHUTDOWN_TIMEOUT_MS: '10000',
      METRICS_PORT: '9464',
    });
  });
});

describe('todo-frontend specifics', () => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render('todo-frontend');
  });

  it('carries node-env and BACKEND_URL in its ConfigMap and exposes them as env', () => {
    expect(find<IConfigMap>(objects, 'ConfigMap').data).toEqual({
      'node-env': 'production',
      'backend-url': 'http://todo-backend:8000',
    });
    const container = first(
      find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers,
    );
    const env = new Map(container.env?.map((variable) => [variable.name, variable]));
    expect(env.get('BACKEND_URL')?.valueFrom?.configMapKeyRef).toEqual({
      name: 'todo-frontend-config',
      key: 'backend-url',
    });
    expect(env.get('NODE_ENV')?.valueFrom?.configMapKeyRef).toEqual({
      name: 'todo-frontend-config',
      key: 'node-env',
    });
    expect(env.get('PORT')?.value).toBe('3000');
    expect(env.get('HOSTNAME')?.value).toBe('0.0.0.0');
    expect(env.has('BETTER_AUTH_URL')).toBe(false);
  });

  it('is a NodePort Service on 3000 with node port 30000', () => {
    const service = find<IService>(objects, 'Service');
    expect(service.spec?.type).toBe('NodePort');
    expect(service.spec?.ports).toEqual([
      { port: 3000, targetPort: 3000, nodePort: 30000, protocol: 'TCP', name: 'http' },
    ]);
  });

  it('pins BETTER_AUTH_URL only when a public URL is given', async () => {
    const pinned = await render('todo-frontend', {
      set: { 'env.BETTER_AUTH_URL': 'https://todo.example.com' },
    });
    expect(find<IConfigMap>(pinned, 'ConfigMap').data?.['better-auth-url']).toBe(
      'https://todo.example.com',
    );
    const container = first(
      find<IDeployment>(pinned, 'Deployment').spec?.template.spec?.containers,
    );
    const env = container.env?.find((variable) => variable.name === 'BETTER_AUTH_URL');
    expect(env?.valueFrom?.configMapKeyRef).toEqual({
      name: 'todo-frontend-config',
      key: 'better-auth-url',
    });
  });
});
