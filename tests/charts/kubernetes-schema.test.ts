// Every object of every value combination validates against the Kubernetes API schemas.
import { describe, expect, it } from 'vitest';
import { allFeaturesValues, type ChartName, charts, type HelmOptions, render } from './helm.js';
import { validateObject } from './kubernetes-schema.js';

function combinations(chart: ChartName): [string, HelmOptions][] {
  return [
    ['default values', {}],
    ['every optional feature', { values: allFeaturesValues(chart) }],
    ['existingSecret', { withoutRequired: true, set: { existingSecret: 'todo-credentials' } }],
    ['a ClusterIP Service', { set: { 'service.type': 'ClusterIP' } }],
    ['a NodePort Service', { set: { 'service.type': 'NodePort', 'service.nodePort': 31000 } }],
    ['a LoadBalancer Service', { set: { 'service.type': 'LoadBalancer' } }],
    ['the Recreate strategy', { values: { strategy: { type: 'Recreate' } } }],
    ['an image digest', { set: { 'image.digest': `sha256:${'a'.repeat(64)}` } }],
    [
      'a PodDisruptionBudget by maxUnavailable',
      {
        values: {
          podDisruptionBudget: { enabled: true, minAvailable: null, maxUnavailable: '50%' },
        },
      },
    ],
    [
      'an HPA on memory only',
      {
        values: {
          autoscaling: {
            enabled: true,
            targetCPUUtilizationPercentage: null,
            targetMemoryUtilizationPercentage: 75,
          },
        },
      },
    ],
    [
      'probes switched off',
      { set: { 'livenessProbe.enabled': false, 'readinessProbe.enabled': false } },
    ],
  ];
}

describe.each(charts)('%s against the Kubernetes schemas', (chart) => {
  it.each(combinations(chart))('validates every object with %s', async (_label, options) => {
    const objects = await render(chart, options);
    expect(objects.length).toBeGreaterThanOrEqual(4);
    for (const object of objects) validateObject(object);
  });

  it('would catch an invalid object', () => {
    expect(() =>
      validateObject({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'broken' },
        spec: { ports: [{ port: 'http' }] },
      }),
    ).toThrow(/Service broken/);
    expect(() =>
      validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }),
    ).toThrow(/no Kubernetes schema for example.com\/v1\/Widget/);
  });
});
