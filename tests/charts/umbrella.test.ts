// The umbrella chart charts/todo installs both apps in one release, the credentials given once
// under `global` (Helm's way), its subcharts taken from the folders beside it (file:// dependencies).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { ISecret } from 'kubernetes-models/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { subsetDifference } from './data-model.js';
import {
  allFeaturesValues,
  buildUmbrella,
  chartDir,
  charts,
  find,
  first,
  type HelmOptions,
  isTestHook,
  type K8sObject,
  lint,
  notes,
  render,
  templateRaw,
  testSecrets,
} from './helm.js';
import { validateObject } from './kubernetes-schema.js';

const globalSecrets = {
  'global.env.DATABASE_URL': testSecrets.DATABASE_URL,
  'global.env.BETTER_AUTH_SECRET': testSecrets.BETTER_AUTH_SECRET,
};

let umbrella: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  umbrella = await buildUmbrella();
});
afterAll(async () => umbrella?.remove());

/** helm options for the built umbrella chart, without the subcharts' own required values. */
function at(options: HelmOptions = {}): HelmOptions {
  return { release: 'todo', ...options, withoutRequired: true, chartPath: umbrella.path };
}

describe('the todo umbrella chart', () => {
  it('depends on the two charts beside it by path, at their own versions', async () => {
    const chart = parse(await readFile(join(chartDir('todo'), 'Chart.yaml'), 'utf8')) as {
      dependencies: { name: string; version: string; repository: string }[];
    };
    expect(chart.dependencies.map((d) => [d.name, d.repository])).toEqual([
      ['todo-backend', 'file://../todo-backend'],
      ['todo-frontend', 'file://../todo-frontend'],
    ]);
    for (const name of charts) {
      const sub = parse(await readFile(join(chartDir(name), 'Chart.yaml'), 'utf8')) as {
        version: string;
      };
      const dependency = chart.dependencies.find((d) => d.name === name);
      expect(dependency?.version, name).toBe(`^${sub.version}`);
    }
  });

  it('passes helm lint --strict with the secrets given once, and with every subchart feature on', async () => {
    const plain = await lint('todo', at({ set: globalSecrets }));
    expect(plain.stderr + plain.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(plain.code, plain.stderr).toBe(0);
    const everything = await lint(
      'todo',
      at({
        set: globalSecrets,
        values: Object.fromEntries(charts.map((chart) => [chart, allFeaturesValues(chart)])),
      }),
    );
    expect(everything.stderr + everything.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(everything.code, everything.stderr).toBe(0);
  });

  it('renders both apps exactly as their own charts do, each Secret holding the global values', async () => {
    const objects = (await render('todo', at({ set: globalSecrets }))).filter(
      (o) => !isTestHook(o),
    );
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'ConfigMap/todo-backend-config',
        'ConfigMap/todo-frontend-config',
        'Deployment/todo-backend',
        'Deployment/todo-frontend',
        'Secret/todo-backend-secret',
        'Secret/todo-frontend-secret',
        'Service/todo-backend',
        'Service/todo-frontend',
      ].sort(),
    );
    for (const chart of charts) {
      const alone = (await render(chart, { release: 'todo' })).filter((o) => !isTestHook(o));
      for (const expected of alone) {
        const actual = find(objects, expected.kind, expected.metadata.name);
        expect(
          subsetDifference(actual, expected),
          `${expected.kind} ${expected.metadata.name}`,
        ).toBe(undefined);
      }
      expect(find<ISecret>(objects, 'Secret', `${chart}-secret`).stringData).toEqual({
        'database-url': testSecrets.DATABASE_URL,
        'better-auth-secret': testSecrets.BETTER_AUTH_SECRET,
      });
    }
    for (const object of objects) validateObject(object);
  });

  it('lets a subchart override the global DATABASE_URL (a least-privilege backend role)', async () => {
    const backendUrl = 'postgresql://todo_api:not-a-real-password@db.invalid:5432/todo';
    const objects = await render(
      'todo',
      at({ set: { ...globalSecrets, 'todo-backend.env.DATABASE_URL': backendUrl } }),
    );
    expect(
      find<ISecret>(objects, 'Secret', 'todo-backend-secret').stringData?.['database-url'],
    ).toBe(backendUrl);
    expect(
      find<ISecret>(objects, 'Secret', 'todo-frontend-secret').stringData?.['database-url'],
    ).toBe(testSecrets.DATABASE_URL);
  });

  it('points both apps at one existing Secret with global.existingSecret', async () => {
    const objects = await render(
      'todo',
      at({ set: { 'global.existingSecret': 'todo-credentials' } }),
    );
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const chart of charts) {
      const container = first(
        find<IDeployment>(objects, 'Deployment', chart).spec?.template.spec?.containers,
      );
      const refs = (container.env ?? []).flatMap((v) => v.valueFrom?.secretKeyRef ?? []);
      expect(refs.map((ref) => ref.name)).toEqual(['todo-credentials', 'todo-credentials']);
    }
  });

  it('fails without the credentials, naming the global values to set', async () => {
    const result = await templateRaw('todo', at());
    expect(result.code).not.toBe(0);
    // Helm stops at the first subchart that fails.
    expect(result.stderr).toMatch(/todo-(backend|frontend): env.DATABASE_URL is required/);
    expect(result.stderr).toContain('global.env.DATABASE_URL');
    expect(result.stderr).toContain('global.env.BETTER_AUTH_SECRET');
  });

  it('checks subchart values against the subchart schemas', async () => {
    const result = await templateRaw(
      'todo',
      at({ set: { ...globalSecrets, 'todo-frontend.replicas': 2 } }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("additional properties 'replicas' not allowed");
  });

  it('prints how to open the app and to rebuild its dependencies', async () => {
    const text = await notes('todo', at({ set: globalSecrets }));
    expect(text).toContain('minikube service todo-frontend --url');
    expect(text).toContain('helm test todo');
    expect(text).toContain('helm dependency build charts/todo');
  });
});

describe.each(charts)('%s as a standalone chart', (chart) => {
  it('accepts a `global` block (as a subchart gets one) and reads the secrets from it', async () => {
    const objects: K8sObject[] = await render(chart, {
      withoutRequired: true,
      values: {
        global: {
          env: {
            DATABASE_URL: testSecrets.DATABASE_URL,
            BETTER_AUTH_SECRET: testSecrets.BETTER_AUTH_SECRET,
          },
          imageRegistry: 'registry.example.com',
        },
      },
    });
    expect(find<ISecret>(objects, 'Secret').stringData?.['database-url']).toBe(
      testSecrets.DATABASE_URL,
    );
  });
});
