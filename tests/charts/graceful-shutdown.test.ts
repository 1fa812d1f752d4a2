// Rollouts that lose nothing: a preStop pause before SIGTERM, a grace period that covers pause and
// drain (checked at render), and a startup probe that holds liveness off a slow start.
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IContainer } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { charts, find, first, type K8sObject, render, templateRaw } from './helm.js';

function container(objects: K8sObject[]): IContainer {
  return first(find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers);
}

describe.each(charts)('%s graceful shutdown', (chart) => {
  it('pauses 5 s in preStop with the sleep action where the cluster has it (>= 1.30)', async () => {
    const objects = await render(chart, { kubeVersion: '1.30.0' });
    expect(container(objects).lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
  });

  it('runs `sleep` in the container on older clusters, or when preStop.action=exec', async () => {
    const old = await render(chart, { kubeVersion: '1.29.4' });
    expect(container(old).lifecycle).toEqual({ preStop: { exec: { command: ['sleep', '5'] } } });
    const exec = await render(chart, {
      kubeVersion: '1.33.0',
      set: { 'preStop.action': 'exec', 'preStop.pauseSeconds': 8 },
    });
    expect(container(exec).lifecycle).toEqual({ preStop: { exec: { command: ['sleep', '8'] } } });
    const sleep = await render(chart, {
      kubeVersion: '1.29.4',
      set: { 'preStop.action': 'sleep' },
    });
    expect(container(sleep).lifecycle?.preStop?.sleep).toEqual({ seconds: 5 });
  });

  it('has no preStop hook with pauseSeconds 0, and lets `lifecycle` replace or extend it', async () => {
    const none = await render(chart, { set: { 'preStop.pauseSeconds': 0 } });
    expect(container(none).lifecycle).toBeUndefined();
    const own = { exec: { command: ['/bin/drain-me'] } };
    const replaced = await render(chart, { values: { lifecycle: { preStop: own } } });
    expect(container(replaced).lifecycle).toEqual({ preStop: own });
    const postStart = { exec: { command: ['true'] } };
    const extended = await render(chart, {
      kubeVersion: '1.31.0',
      values: { lifecycle: { postStart } },
    });
    expect(container(extended).lifecycle).toEqual({
      postStart,
      preStop: { sleep: { seconds: 5 } },
    });
  });

  it('keeps the grace period (30 s) above pause (5 s) plus drain (10 s)', async () => {
    const pod = find<IDeployment>(await render(chart), 'Deployment').spec?.template.spec;
    expect(pod?.terminationGracePeriodSeconds).toBe(30);
  });

  it('fails the render when the grace period does not cover pause plus drain', async () => {
    const result = await templateRaw(chart, {
      set: { terminationGracePeriodSeconds: 20, 'preStop.pauseSeconds': 12, drainSeconds: 10 },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      `${chart}: terminationGracePeriodSeconds (20) must cover preStop.pauseSeconds (12) + drainSeconds (10)`,
    );
    expect(result.stderr).toContain('Set terminationGracePeriodSeconds to at least 22.');
    const exact = await templateRaw(chart, {
      set: { terminationGracePeriodSeconds: 22, 'preStop.pauseSeconds': 12, drainSeconds: 10 },
    });
    expect(exact.code, exact.stderr).toBe(0);
  });

  it('has a startup probe by default, so liveness never kills a slow start', async () => {
    const probe = container(await render(chart)).startupProbe;
    const port = chart === 'todo-backend' ? 8000 : 3000;
    const path = chart === 'todo-backend' ? '/health' : '/';
    expect(probe?.httpGet).toEqual({ path, port });
    expect(probe?.successThreshold).toBe(1);
    // The backend migrates before it listens: five minutes of budget.
    const budget = (probe?.periodSeconds ?? 0) * (probe?.failureThreshold ?? 0);
    expect(budget).toBe(chart === 'todo-backend' ? 300 : 150);
    const off = await render(chart, { set: { 'startupProbe.enabled': false } });
    expect(container(off).startupProbe).toBeUndefined();
  });
});

describe('todo-backend drain setting', () => {
  it('passes drainSeconds to the app as SHUTDOWN_TIMEOUT_MS', async () => {
    const objects = await render('todo-backend', {
      set: { drainSeconds: 20, terminationGracePeriodSeconds: 40 },
    });
    const env = container(objects).env?.find((variable) => variable.name === 'SHUTDOWN_TIMEOUT_MS');
    expect(env?.value).toBe('20000');
  });
});
