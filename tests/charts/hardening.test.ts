// Secure defaults beyond the data model: Pod Security Standards "restricted", no API token,
// writable /tmp only, graceful rollouts, checksums that roll the pods, no secrets in the chart.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IContainer, IPod } from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  chartDir,
  charts,
  chartUids,
  find,
  first,
  isTestHook,
  type K8sObject,
  render,
  testSecrets,
} from './helm.js';
import { expectRestricted } from './pod-security.js';

function mainContainer(objects: K8sObject[]): IContainer {
  return first(find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers);
}

function podAnnotations(objects: K8sObject[]): Record<string, string> {
  return find<IDeployment>(objects, 'Deployment').spec?.template.metadata?.annotations ?? {};
}

describe.each(charts)('%s hardening', (chart) => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render(chart);
  });

  it('meets the restricted Pod Security Standard in the Deployment', () => {
    expectRestricted(
      find<IDeployment>(objects, 'Deployment').spec?.template.spec,
      chartUids[chart],
    );
  });

  it('meets the restricted Pod Security Standard in the helm test pod too', () => {
    const testPod = find<IPod>(objects.filter(isTestHook), 'Pod');
    expectRestricted(testPod.spec, chartUids[chart]);
    expect(testPod.spec?.restartPolicy).toBe('Never');
  });

  it('mounts an emptyDir at /tmp (and the Next.js cache for the frontend) and nothing else writable', () => {
    const pod = find<IDeployment>(objects, 'Deployment').spec?.template.spec;
    const mounts = Object.fromEntries(
      (mainContainer(objects).volumeMounts ?? []).map((m) => [m.mountPath, m.name]),
    );
    const expected: Record<string, string> =
      chart === 'todo-backend'
        ? { '/tmp': 'tmp' }
        : { '/tmp': 'tmp', '/app/apps/frontend/.next/cache': 'next-cache' };
    expect(mounts).toEqual(expected);
    for (const volume of pod?.volumes ?? []) {
      expect(volume.emptyDir, volume.name).toEqual({});
    }
    expect(pod?.volumes?.map((v) => v.name).sort()).toEqual(Object.values(expected).sort());
  });

  it('gives the pods no service account token and no service links', () => {
    const pod = find<IDeployment>(objects, 'Deployment').spec?.template.spec;
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(pod?.enableServiceLinks).toBe(false);
    expect(pod?.serviceAccountName).toBeUndefined();
  });

  it('drains within the grace period and rolls out without losing capacity', () => {
    const deployment = find<IDeployment>(objects, 'Deployment');
    expect(deployment.spec?.template.spec?.terminationGracePeriodSeconds).toBe(30);
    expect(deployment.spec?.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    expect(deployment.spec?.revisionHistoryLimit).toBe(10);
  });

  it('annotates the pods with checksums that change with the ConfigMap and the Secret', async () => {
    const base = podAnnotations(objects);
    expect(base['checksum/config']).toMatch(/^[a-f0-9]{64}$/);
    expect(base['checksum/secret']).toMatch(/^[a-f0-9]{64}$/);

    const configKey = chart === 'todo-backend' ? 'env.CORS_ORIGINS' : 'env.BACKEND_URL';
    const configChanged = podAnnotations(
      await render(chart, { set: { [configKey]: 'http://elsewhere:1234' } }),
    );
    expect(configChanged['checksum/config']).not.toBe(base['checksum/config']);
    expect(configChanged['checksum/secret']).toBe(base['checksum/secret']);

    const secretChanged = podAnnotations(
      await render(chart, {
        set: { 'env.BETTER_AUTH_SECRET': `${testSecrets.BETTER_AUTH_SECRET}x` },
      }),
    );
    expect(secretChanged['checksum/secret']).not.toBe(base['checksum/secret']);
    expect(secretChanged['checksum/config']).toBe(base['checksum/config']);
  });

  it('runs its helm test against the Service', () => {
    const testPod = find<IPod>(objects.filter(isTestHook), 'Pod');
    const path = chart === 'todo-backend' ? '/health' : '/';
    const port = chart === 'todo-backend' ? 8000 : 3000;
    expect(testPod.metadata?.annotations?.['helm.sh/hook']).toBe('test');
    const container = first(testPod.spec?.containers);
    expect(container.command?.at(-1)).toBe(`http://${chart}:${port}${path}`);
    expect(container.resources?.limits).toBeDefined();
    // Kept out of the Service's endpoints: its `app` label is not the selector's.
    expect(testPod.metadata?.labels?.app).toBe(`${chart}-test`);
  });

  it('commits no secret values: the secret defaults in values.yaml are empty', async () => {
    const values = parse(await readFile(join(chartDir(chart), 'values.yaml'), 'utf8')) as {
      env: Record<string, unknown>;
      existingSecret: unknown;
    };
    expect(values.env.DATABASE_URL).toBe('');
    expect(values.env.BETTER_AUTH_SECRET).toBe('');
    expect(values.existingSecret).toBe('');
  });

  it('commits no credentials anywhere in the chart', async () => {
    const files = await readdir(chartDir(chart), { recursive: true, withFileTypes: true });
    const credentialUrl = /postgres(?:ql)?:\/\/[^\s:'"/]+:(?!PASSWORD@)[^\s@'"]+@/i;
    for (const file of files.filter((entry) => entry.isFile())) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      expect(text, file.name).not.toMatch(credentialUrl);
    }
  });
});
