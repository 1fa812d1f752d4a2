// The two charts share their templates by copy, not through a library chart, so that
// `helm install ./charts/todo-backend` works with no dependency step. This proves the copies
// differ only in the chart's name; what differs between the apps lives in the files listed here.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChartName, chartDir } from './helm.js';

/** Templates each chart writes for itself. */
const perApp = ['_app.tpl', 'configmap.yaml', 'NOTES.txt', 'networkpolicy.yaml'];
/** Templates of resources only the backend has. */
const backendOnly = [
  'metrics-service.yaml',
  'migration-job.yaml',
  'migration-secret.yaml',
  'servicemonitor.yaml',
];

async function templates(chart: ChartName): Promise<string[]> {
  const root = join(chartDir(chart), 'templates');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** A chart's file with its own name and the other chart's name replaced by placeholders. */
function normalised(text: string, chart: ChartName): string {
  const other: ChartName = chart === 'todo-backend' ? 'todo-frontend' : 'todo-backend';
  return text.replaceAll(chart, '<chart>').replaceAll(other, '<other chart>');
}

async function template(chart: ChartName, file: string): Promise<string> {
  return normalised(await readFile(join(chartDir(chart), 'templates', file), 'utf8'), chart);
}

describe('templates shared by todo-backend and todo-frontend', () => {
  it('have the same files, apart from the backend-only resources', async () => {
    const backend = await templates('todo-backend');
    const frontend = await templates('todo-frontend');
    expect(backend.filter((file) => !frontend.includes(file))).toEqual(backendOnly);
    expect(frontend.filter((file) => !backend.includes(file))).toEqual([]);
    for (const file of perApp) expect(backend, file).toContain(file);
  });

  it('are identical but for the chart names, except the per-app files', async () => {
    const shared = (await templates('todo-frontend')).filter((file) => !perApp.includes(file));
    expect(shared.length).toBeGreaterThanOrEqual(9);
    for (const file of shared) {
      expect(await template('todo-frontend', file), file).toBe(
        await template('todo-backend', file),
      );
    }
  });

  it('would notice a copy that drifted', async () => {
    const backend = await readFile(
      join(chartDir('todo-backend'), 'templates/service.yaml'),
      'utf8',
    );
    const drifted = backend.replace('protocol: TCP', 'protocol: UDP');
    expect(normalised(drifted, 'todo-backend')).not.toBe(
      await template('todo-frontend', 'service.yaml'),
    );
    const renamedOnly = backend.replaceAll('todo-backend', 'todo-frontend');
    expect(normalised(renamedOnly, 'todo-frontend')).toBe(
      await template('todo-backend', 'service.yaml'),
    );
  });
});
