// One source for the values documentation: the tables in the chart READMEs and in
// docs/kubernetes-charts.md are generated from the values.yaml comments (npm run docs:values).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartValuesMarkdown,
  generatedDocs,
  replaceBetweenMarkers,
  valueRows,
} from '../../scripts/values-docs.js';
import { chartDir, repoRoot } from './helm.js';

describe('values tables', () => {
  it('are current in every README and in docs/kubernetes-charts.md (else: npm run docs:values)', async () => {
    const files = generatedDocs();
    expect([...files.keys()].sort()).toEqual(
      [
        'charts/todo-backend/README.md',
        'charts/todo-frontend/README.md',
        'charts/todo/README.md',
        'docs/kubernetes-charts.md',
      ].sort(),
    );
    for (const [path, expected] of files) {
      const actual = await readFile(join(repoRoot, path), 'utf8');
      expect(actual === expected, `${path} is stale: run npm run docs:values`).toBe(true);
    }
  });

  it('list every key with its default and the `# --` comment above it', async () => {
    const rows = valueRows(await readFile(join(chartDir('todo-backend'), 'values.yaml'), 'utf8'));
    expect(rows.find((row) => row.key === 'preStop.pauseSeconds')).toMatchObject({
      section: 'Graceful shutdown',
      default: '5',
    });
    expect(rows.find((row) => row.key === 'resources')?.default).toBe(
      '{"requests":{"cpu":"100m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}',
    );
  });

  it('would go stale when a default or a comment changes', () => {
    const values = '## @section Demo\n\n# -- How many.\ncount: 1\n';
    const before = chartValuesMarkdown(valueRows(values));
    expect(chartValuesMarkdown(valueRows(values.replace('count: 1', 'count: 2')))).not.toBe(before);
    expect(chartValuesMarkdown(valueRows(values.replace('How many', 'How much')))).not.toBe(before);
    expect(before).toContain('| `count` | `1`     | How many.   |');
  });

  it('refuse a key without a `# --` comment, and a file without markers', () => {
    expect(() => valueRows('# -- Documented.\na: 1\nb: 2\n')).toThrow(
      'values.yaml keys without a "# --" comment: b',
    );
    expect(() => replaceBetweenMarkers('no markers here', 'todo', 'x')).toThrow('markers');
  });
});
