// `helm lint --strict` is clean with default values and with every optional feature on.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFeaturesValues, chartDir, charts, lint } from './helm.js';

describe.each(charts)('helm lint --strict %s', (chart) => {
  it('passes with default values (plus the required secrets)', async () => {
    const result = await lint(chart);
    expect(result.stderr + result.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(result.code).toBe(0);
  });

  it('passes with every optional feature switched on', async () => {
    const result = await lint(chart, { values: allFeaturesValues(chart) });
    expect(result.stderr + result.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(result.code).toBe(0);
  });

  it('fails on values the schema rejects (so a clean lint means something)', async () => {
    const result = await lint(chart, { set: { replicaCount: 'two' } });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("at '/replicaCount': got string, want integer");
  });
});

describe.each([...charts, 'todo' as const])('%s metadata', (chart) => {
  it('names no placeholder URL or address (what is not known is left out)', async () => {
    for (const file of ['Chart.yaml', 'values.schema.json']) {
      const text = await readFile(join(chartDir(chart), file), 'utf8');
      expect(text, file).not.toMatch(/\.invalid\b|\.example\b|example\.(com|org)|placeholder/i);
    }
  });
});
