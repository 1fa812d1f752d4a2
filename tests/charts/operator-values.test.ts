// Values an operator needs beyond the data model: pass-throughs into the pod, the Service's
// externalTrafficPolicy, TRUSTED_PROXIES, egress rules, and a PodDisruptionBudget that cannot jam drains.
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { IConfigMap, IContainer, IService } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import {
  allFeaturesValues,
  type ChartName,
  charts,
  find,
  first,
  type K8sObject,
  notes,
  render,
  templateRaw,
} from './helm.js';

function pod(objects: K8sObject[]) {
  return find<IDeployment>(objects, 'Deployment').spec?.template.spec;
}

function container(objects: K8sObject[]): IContainer {
  return first(pod(objects)?.containers);
}

const dns = {
  ports: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
};

describe.each(charts)('%s operator values', (chart: ChartName) => {
  it('passes envFrom, initContainers, extra volumes and mounts, and ephemeral storage through', async () => {
    const values = allFeaturesValues(chart);
    const objects = await render(chart, { values });
    expect(container(objects).envFrom).toEqual(values.envFrom);
    expect(pod(objects)?.initContainers).toEqual(values.initContainers);
    expect(pod(objects)?.volumes).toContainEqual(first(values.extraVolumes as object[]));
    expect(container(objects).volumeMounts).toContainEqual(
      first(values.extraVolumeMounts as object[]),
    );
    expect(container(objects).resources).toEqual(values.resources);
  });

  it('bounds every emptyDir with emptyDir.sizeLimit', async () => {
    const objects = await render(chart, { set: { 'emptyDir.sizeLimit': '64Mi' } });
    const volumes = pod(objects)?.volumes ?? [];
    expect(volumes.length).toBe(chart === 'todo-backend' ? 1 : 2);
    for (const volume of volumes)
      expect(volume.emptyDir, volume.name).toEqual({ sizeLimit: '64Mi' });
  });

  it('sets externalTrafficPolicy on NodePort and LoadBalancer Services only', async () => {
    const local = await render(chart, {
      set: { 'service.type': 'NodePort', 'service.externalTrafficPolicy': 'Local' },
    });
    expect(find<IService>(local, 'Service').spec?.externalTrafficPolicy).toBe('Local');
    const clusterIp = await render(chart, {
      set: { 'service.type': 'ClusterIP', 'service.externalTrafficPolicy': 'Local' },
    });
    expect(find<IService>(clusterIp, 'Service').spec).not.toHaveProperty('externalTrafficPolicy');
    const unset = await render(chart, { set: { 'service.type': 'NodePort' } });
    expect(find<IService>(unset, 'Service').spec).not.toHaveProperty('externalTrafficPolicy');
    const wrong = await templateRaw(chart, { set: { 'service.externalTrafficPolicy': 'Nearest' } });
    expect(wrong.stderr).toContain("at '/service/externalTrafficPolicy'");
  });

  it('refuses a PodDisruptionBudget that would block every drain, and says what to change', async () => {
    const blocked: [string, Record<string, unknown>][] = [
      ['minAvailable 1 of 1 replica', { podDisruptionBudget: { enabled: true } }],
      [
        'maxUnavailable 0',
        {
          replicaCount: 3,
          podDisruptionBudget: { enabled: true, minAvailable: null, maxUnavailable: 0 },
        },
      ],
      [
        'minAvailable 100%',
        { replicaCount: 3, podDisruptionBudget: { enabled: true, minAvailable: '100%' } },
      ],
      ['minAvailable 50% of 1', { podDisruptionBudget: { enabled: true, minAvailable: '50%' } }],
      [
        'an HPA that may scale down to minAvailable',
        {
          replicaCount: 4,
          autoscaling: { enabled: true, minReplicas: 2 },
          podDisruptionBudget: { enabled: true, minAvailable: 2 },
        },
      ],
    ];
    for (const [label, values] of blocked) {
      const result = await templateRaw(chart, { values });
      expect(result.code, label).not.toBe(0);
      expect(result.stderr, label).toContain(
        `${chart}: this PodDisruptionBudget would block every node drain`,
      );
      expect(result.stderr, label).toContain('Raise replicaCount (or autoscaling.minReplicas)');
    }
    const allowed: Record<string, unknown>[] = [
      { replicaCount: 2, podDisruptionBudget: { enabled: true } },
      { podDisruptionBudget: { enabled: true, minAvailable: null, maxUnavailable: 1 } },
      { podDisruptionBudget: { enabled: true, minAvailable: null, maxUnavailable: '50%' } },
      { replicaCount: 3, podDisruptionBudget: { enabled: true, minAvailable: '50%' } },
    ];
    for (const values of allowed) {
      const result = await templateRaw(chart, { values });
      expect(result.code, JSON.stringify(values) + result.stderr).toBe(0);
    }
  });

  it('restricts egress to DNS over UDP and TCP, the database and extra rules when asked', async () => {
    const objects = await render(chart, {
      values: {
        networkPolicy: {
          enabled: true,
          egress: { enabled: true, databaseCidrs: ['10.20.0.0/16', '10.30.0.0/16'] },
        },
      },
    });
    const policy = find<INetworkPolicy>(objects, 'NetworkPolicy');
    expect(policy.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    const egress = policy.spec?.egress ?? [];
    expect(egress[0]).toEqual(dns);
    expect(egress[1]).toEqual({
      ports: [{ port: 5432, protocol: 'TCP' }],
      to: [{ ipBlock: { cidr: '10.20.0.0/16' } }, { ipBlock: { cidr: '10.30.0.0/16' } }],
    });
    // Then each app's own rule: push services for the backend, the backend for the frontend.
    expect(egress).toHaveLength(3);
    const withExtra = await render(chart, { values: allFeaturesValues(chart) });
    const extra = find<INetworkPolicy>(withExtra, 'NetworkPolicy').spec?.egress ?? [];
    expect(extra.at(-1)).toEqual({
      to: [{ ipBlock: { cidr: '192.0.2.25/32' } }],
      ports: [{ port: 587 }],
    });
    const ingressOnly = await render(chart, { set: { 'networkPolicy.enabled': true } });
    const plain = find<INetworkPolicy>(ingressOnly, 'NetworkPolicy').spec;
    expect(plain?.policyTypes).toEqual(['Ingress']);
    expect(plain).not.toHaveProperty('egress');
  });
});

describe('todo-frontend specific operator values', () => {
  it('lets the frontend reach the backend pods when egress is restricted', async () => {
    const objects = await render('todo-frontend', {
      values: { networkPolicy: { enabled: true, egress: { enabled: true } } },
    });
    const egress = find<INetworkPolicy>(objects, 'NetworkPolicy').spec?.egress ?? [];
    expect(egress[1]).toEqual({ ports: [{ port: 5432, protocol: 'TCP' }] });
    expect(egress[2]).toEqual({
      ports: [{ port: 8000, protocol: 'TCP' }],
      to: [{ podSelector: { matchLabels: { app: 'todo-backend' } } }],
    });
  });

  it('renders TRUSTED_PROXIES into the ConfigMap and the pod only when set', async () => {
    const unset = await render('todo-frontend');
    expect(find<IConfigMap>(unset, 'ConfigMap').data).not.toHaveProperty('trusted-proxies');
    expect(container(unset).env?.map((v) => v.name)).not.toContain('TRUSTED_PROXIES');
    const objects = await render('todo-frontend', {
      set: { 'env.TRUSTED_PROXIES': '10.0.0.0/8\\,192.168.1.7' },
    });
    expect(find<IConfigMap>(objects, 'ConfigMap').data?.['trusted-proxies']).toBe(
      '10.0.0.0/8,192.168.1.7',
    );
    const env = container(objects).env?.find((v) => v.name === 'TRUSTED_PROXIES');
    expect(env?.valueFrom?.configMapKeyRef).toEqual({
      name: 'todo-frontend-config',
      key: 'trusted-proxies',
    });
    const wrong = await templateRaw('todo-frontend', {
      set: { 'env.TRUSTED_PROXIES': 'everyone' },
    });
    expect(wrong.stderr).toContain("at '/env/TRUSTED_PROXIES'");
  });

  it('warns in NOTES when ingressFrom would cut off NodePort users, and only then', async () => {
    const restricted = {
      networkPolicy: {
        enabled: true,
        ingressFrom: [{ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } }],
      },
    };
    const text = await notes('todo-frontend', { values: restricted });
    expect(text).toContain('WARNING: networkPolicy.ingressFrom admits only the peers it lists');
    expect(text).toContain('NodePort users are cut off');
    const clusterIp = await notes('todo-frontend', {
      values: { ...restricted, service: { type: 'ClusterIP' } },
    });
    expect(clusterIp).not.toContain('WARNING');
    const open = await notes('todo-frontend', { set: { 'networkPolicy.enabled': true } });
    expect(open).not.toContain('WARNING');
  });
});
