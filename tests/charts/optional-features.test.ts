// Optional resources (off by default) and the knobs beyond the data model.
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IIngress, INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IContainer, IService, IServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import {
  allFeaturesValues,
  type ChartName,
  charts,
  find,
  first,
  type K8sObject,
  render,
} from './helm.js';

const port: Record<ChartName, number> = { 'todo-backend': 8000, 'todo-frontend': 3000 };
const optionalKinds = [
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'Ingress',
  'ServiceAccount',
];

function deployment(objects: K8sObject[]): IDeployment {
  return find<IDeployment>(objects, 'Deployment');
}

function container(objects: K8sObject[]): IContainer {
  return first(deployment(objects).spec?.template.spec?.containers);
}

describe.each(charts)('%s optional features', (chart) => {
  it('renders none of them by default', async () => {
    const objects = await render(chart);
    expect(objects.filter((o) => optionalKinds.includes(o.kind))).toEqual([]);
  });

  it('renders each of them, labelled, when switched on', async () => {
    const objects = await render(chart, { values: allFeaturesValues(chart) });
    for (const kind of optionalKinds) {
      const object = find(objects, kind, chart);
      expect(object.metadata.labels?.app).toBe(chart);
      expect(object.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('Helm');
    }
  });

  it('omits replicas when the HorizontalPodAutoscaler is on and targets the Deployment', async () => {
    const objects = await render(chart, {
      set: { 'autoscaling.enabled': true, 'autoscaling.minReplicas': 2, replicaCount: 3 },
    });
    expect(deployment(objects).spec).not.toHaveProperty('replicas');
    const hpa = find<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: chart,
    });
    expect(hpa.spec?.minReplicas).toBe(2);
    expect(hpa.spec?.maxReplicas).toBe(5);
    expect(hpa.spec?.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ]);
    const without = await render(chart, { set: { replicaCount: 3 } });
    expect(deployment(without).spec?.replicas).toBe(3);
  });

  it('protects the pods with a PodDisruptionBudget on the app selector', async () => {
    const objects = await render(chart, {
      set: { 'podDisruptionBudget.enabled': true, replicaCount: 2 },
    });
    const pdb = find<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { app: chart } } });
  });

  it('routes an Ingress to the Service port', async () => {
    const objects = await render(chart, {
      values: {
        ingress: {
          enabled: true,
          className: 'nginx',
          hosts: [{ host: 'todo.test', paths: [{ path: '/', pathType: 'Prefix' }] }],
        },
      },
    });
    const ingress = find<IIngress>(objects, 'Ingress');
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.spec?.ingressClassName).toBe('nginx');
    expect(ingress.spec?.rules).toEqual([
      {
        host: 'todo.test',
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: chart, port: { name: 'http' } } },
            },
          ],
        },
      },
    ]);
  });

  it('creates a ServiceAccount that mounts no token, and runs the pods as it', async () => {
    const objects = await render(chart, { set: { 'serviceAccount.create': true } });
    const account = find<IServiceAccount>(objects, 'ServiceAccount');
    expect(account.metadata?.name).toBe(chart);
    expect(account.automountServiceAccountToken).toBe(false);
    const pod = deployment(objects).spec?.template.spec;
    expect(pod?.serviceAccountName).toBe(chart);
    expect(pod?.automountServiceAccountToken).toBe(false);
  });

  it('points readiness at another path (e.g. /ready) without touching liveness', async () => {
    const objects = await render(chart, {
      set: { 'readinessProbe.path': '/ready', 'readinessProbe.failureThreshold': 2 },
    });
    expect(container(objects).readinessProbe?.httpGet).toEqual({
      path: '/ready',
      port: port[chart],
    });
    expect(container(objects).readinessProbe?.failureThreshold).toBe(2);
    expect(container(objects).livenessProbe?.httpGet?.path).toBe(
      chart === 'todo-backend' ? '/health' : '/',
    );
  });

  it('makes every probe field configurable and adds a startup probe on request', async () => {
    const objects = await render(chart, {
      values: {
        livenessProbe: { initialDelaySeconds: 20, periodSeconds: 15, timeoutSeconds: 3 },
        startupProbe: { enabled: true, failureThreshold: 60 },
      },
    });
    expect(container(objects).livenessProbe).toMatchObject({
      initialDelaySeconds: 20,
      periodSeconds: 15,
      timeoutSeconds: 3,
    });
    expect(container(objects).startupProbe).toMatchObject({
      httpGet: { port: port[chart] },
      failureThreshold: 60,
    });
  });

  it('passes scheduling, pull secrets, extra env, pod labels and annotations through', async () => {
    const values = allFeaturesValues(chart);
    const objects = await render(chart, { values });
    const template = deployment(objects).spec?.template;
    expect(template?.spec?.nodeSelector).toEqual(values.nodeSelector);
    expect(template?.spec?.tolerations).toEqual(values.tolerations);
    expect(template?.spec?.affinity).toEqual(values.affinity);
    expect(template?.spec?.topologySpreadConstraints).toEqual(values.topologySpreadConstraints);
    expect(template?.spec?.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(template?.spec?.priorityClassName).toBe('todo-priority');
    expect(container(objects).env?.at(-1)).toEqual({ name: 'EXTRA_SETTING', value: 'on' });
    expect(template?.metadata?.labels).toMatchObject({
      app: chart,
      ...(values.podLabels as object),
    });
    expect(template?.metadata?.annotations?.['example.com/team']).toBe('todo');
    expect(template?.metadata?.annotations?.['checksum/config']).toBeDefined();
  });

  it('uses an image digest instead of the tag when one is given', async () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const objects = await render(chart, { set: { 'image.digest': digest } });
    expect(container(objects).image).toBe(`${chart}@${digest}`);
  });

  it('switches the Service type and node port', async () => {
    const objects = await render(chart, {
      set: { 'service.type': 'NodePort', 'service.nodePort': 31234 },
    });
    const service = find<IService>(objects, 'Service');
    expect(service.spec?.type).toBe('NodePort');
    expect(first(service.spec?.ports).nodePort).toBe(31234);
    const clusterIp = await render(chart, { set: { 'service.type': 'ClusterIP' } });
    expect(first(find<IService>(clusterIp, 'Service').spec?.ports)).not.toHaveProperty('nodePort');
  });
});

describe('todo-backend NetworkPolicy', () => {
  it('admits only todo-frontend pods (and its own test pod) on port 8000', async () => {
    const objects = await render('todo-backend', { set: { 'networkPolicy.enabled': true } });
    const policy = find<INetworkPolicy>(objects, 'NetworkPolicy');
    expect(policy.apiVersion).toBe('networking.k8s.io/v1');
    expect(policy.spec?.podSelector).toEqual({ matchLabels: { app: 'todo-backend' } });
    expect(policy.spec?.policyTypes).toEqual(['Ingress']);
    expect(policy.spec?.ingress).toEqual([
      {
        ports: [{ port: 8000, protocol: 'TCP' }],
        from: [
          { podSelector: { matchLabels: { app: 'todo-frontend' } } },
          {
            podSelector: {
              matchLabels: {
                app: 'todo-backend-test',
                'app.kubernetes.io/instance': 'todo-backend',
              },
            },
          },
        ],
      },
    ]);
  });

  it('selects the pods that the frontend chart actually labels', async () => {
    const backend = await render('todo-backend', { set: { 'networkPolicy.enabled': true } });
    const frontend = await render('todo-frontend');
    const allowed = first(find<INetworkPolicy>(backend, 'NetworkPolicy').spec?.ingress).from;
    const frontendPodLabels = deployment(frontend).spec?.template.metadata?.labels ?? {};
    const selector = first(allowed).podSelector?.matchLabels ?? {};
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(selector)) {
      expect(frontendPodLabels[key], key).toBe(value);
    }
  });
});

describe('todo-frontend NetworkPolicy', () => {
  it('opens only port 3000, from anywhere by default', async () => {
    const objects = await render('todo-frontend', { set: { 'networkPolicy.enabled': true } });
    const policy = find<INetworkPolicy>(objects, 'NetworkPolicy');
    expect(policy.spec?.podSelector).toEqual({ matchLabels: { app: 'todo-frontend' } });
    expect(policy.spec?.ingress).toEqual([{ ports: [{ port: 3000, protocol: 'TCP' }] }]);
  });
});
