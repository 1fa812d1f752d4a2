// `helm lint --strict` is clean with default values and with every optional feature on.
import { describe, expect, it } from 'vitest';
import { allFeaturesValues, charts, lint } from './helm.js';

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
