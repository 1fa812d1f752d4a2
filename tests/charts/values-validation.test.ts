// Values the charts refuse: missing or short secrets (validateValues) and anything values.schema.json
// rejects; and existingSecret, which replaces the chart's own Secret.
import type { IDeployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { charts, find, first, isTestHook, render, templateRaw, testSecrets } from './helm.js';

describe.each(charts)('%s required values', (chart) => {
  it('fails without env.DATABASE_URL and says what to set', async () => {
    const result = await templateRaw(chart, {
      withoutRequired: true,
      set: { 'env.BETTER_AUTH_SECRET': testSecrets.BETTER_AUTH_SECRET },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${chart}: env.DATABASE_URL is required`);
    expect(result.stderr).toContain('--set env.DATABASE_URL=');
    expect(result.stderr).toContain('existingSecret');
  });

  it('fails without env.BETTER_AUTH_SECRET and says what to set', async () => {
    const result = await templateRaw(chart, {
      withoutRequired: true,
      set: { 'env.DATABASE_URL': testSecrets.DATABASE_URL },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${chart}: env.BETTER_AUTH_SECRET is required`);
    expect(result.stderr).toContain('--set env.BETTER_AUTH_SECRET=');
  });

  it('fails with neither value, naming both in one message', async () => {
    const result = await templateRaw(chart, { withoutRequired: true });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${chart}: env.DATABASE_URL is required`);
    expect(result.stderr).toContain(`${chart}: env.BETTER_AUTH_SECRET is required`);
  });

  it('rejects a BETTER_AUTH_SECRET shorter than 32 characters and accepts 32', async () => {
    const short = await templateRaw(chart, { set: { 'env.BETTER_AUTH_SECRET': 'a'.repeat(31) } });
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain(
      'env.BETTER_AUTH_SECRET must be at least 32 characters (got 31)',
    );
    const exact = await templateRaw(chart, { set: { 'env.BETTER_AUTH_SECRET': 'a'.repeat(32) } });
    expect(exact.stderr).toBe('');
    expect(exact.code).toBe(0);
  });
});

describe.each(charts)('%s existingSecret', (chart) => {
  it('renders no Secret and points both secret env vars at the given one', async () => {
    const objects = await render(chart, {
      withoutRequired: true,
      set: { existingSecret: 'todo-credentials' },
    });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(
      objects
        .filter((o) => !isTestHook(o))
        .map((o) => o.kind)
        .sort(),
    ).toEqual(['ConfigMap', 'Deployment', 'Service']);
    const container = first(
      find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers,
    );
    const refs = (container.env ?? [])
      .filter((variable) => variable.valueFrom?.secretKeyRef)
      .map((variable) => [variable.name, variable.valueFrom?.secretKeyRef]);
    expect(Object.fromEntries(refs)).toEqual({
      DATABASE_URL: { name: 'todo-credentials', key: 'database-url' },
      BETTER_AUTH_SECRET: { name: 'todo-credentials', key: 'better-auth-secret' },
    });
  });

  it('ignores env secret values when existingSecret is set (nothing rendered from them)', async () => {
    const result = await templateRaw(chart, { set: { existingSecret: 'todo-credentials' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(testSecrets.BETTER_AUTH_SECRET);
    expect(result.stdout).not.toContain(testSecrets.DATABASE_URL);
  });
});

describe.each(charts)('%s values.schema.json', (chart) => {
  it.each([
    ['a wrong type', { replicaCount: 'two' }, "at '/replicaCount': got string, want integer"],
    [
      'a wrong nested type',
      { 'service.port': 'http' },
      "at '/service/port': got string, want integer",
    ],
    ['a boolean given as text', { 'autoscaling.enabled': 'yes' }, "at '/autoscaling/enabled'"],
    ['an unknown top-level key', { replicas: 2 }, "additional properties 'replicas' not allowed"],
    ['an unknown nested key', { 'image.name': 'x' }, "additional properties 'name' not allowed"],
    ['an unknown env key', { 'env.SECRET': 'x' }, "additional properties 'SECRET' not allowed"],
    [
      'an unknown probe field',
      { 'readinessProbe.port': 1 },
      "additional properties 'port' not allowed",
    ],
    ['a Service type outside the enum', { 'service.type': 'External' }, "at '/service/type'"],
    ['a node port outside 30000-32767', { 'service.nodePort': 80 }, "at '/service/nodePort'"],
    [
      'a probe path without a leading slash',
      { 'readinessProbe.path': 'ready' },
      "at '/readinessProbe/path'",
    ],
  ])('rejects %s', async (_label, set, message) => {
    const result = await templateRaw(chart, { set });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain(message);
  });

  it('rejects unknown keys inside pass-through maps of typed values', async () => {
    const result = await templateRaw(chart, {
      values: { podSecurityContext: { runAsUser: 1000, privileged: true } },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("additional properties 'privileged' not allowed");
  });
});

describe.each(charts)('%s consistency checks', (chart) => {
  it('fails when autoscaling.minReplicas exceeds maxReplicas', async () => {
    const result = await templateRaw(chart, {
      set: {
        'autoscaling.enabled': true,
        'autoscaling.minReplicas': 5,
        'autoscaling.maxReplicas': 2,
      },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'autoscaling.minReplicas must not exceed autoscaling.maxReplicas',
    );
  });

  it('fails when both PodDisruptionBudget bounds are set', async () => {
    const result = await templateRaw(chart, {
      set: { 'podDisruptionBudget.enabled': true, 'podDisruptionBudget.maxUnavailable': 1 },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('set only one of podDisruptionBudget.minAvailable');
  });
});
