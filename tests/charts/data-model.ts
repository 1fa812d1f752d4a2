// The data model's eight resources (fixtures/k8s-data-model.yaml.tpl; docs/kubernetes-charts.md#the-data-model), with their
// {{ ... }} expressions replaced by the values a test renders with.
import { readFileSync } from 'node:fs';
import { type ChartName, type K8sObject, parseManifests, testSecrets } from './helm.js';

const fixture = readFileSync(
  new URL('./fixtures/k8s-data-model.yaml.tpl', import.meta.url),
  'utf8',
);

/** The spec's resources of one chart, as the chart must render them with default values. */
export function dataModel(chart: ChartName, release: string = chart): K8sObject[] {
  const documents = fixture.split(/^---\n/m).filter((text) => /^kind:/m.test(text));
  const ofChart = documents.filter((text) => new RegExp(`^  name: ${chart}\\b`, 'm').test(text));
  const substitutions: Record<string, string> = {
    '.Release.Name': release,
    '.Values.replicaCount': '1',
    '.Values.image.repository': chart,
    '.Values.image.tag': '1.0.0',
    '.Values.image.pullPolicy': 'IfNotPresent',
    '.Values.service.nodePort': '30000',
    '.Values.env.DATABASE_URL': testSecrets.DATABASE_URL,
    '.Values.env.BETTER_AUTH_SECRET': testSecrets.BETTER_AUTH_SECRET,
  };
  const text = ofChart
    .map((document) =>
      document.replace(/\{\{ (\S+) \}\}/g, (expression, path: string) => {
        const value = substitutions[path];
        if (value === undefined) throw new Error(`fixture: no value for ${expression}`);
        return value;
      }),
    )
    .join('---\n');
  return parseManifests(text);
}

/**
 * Asserts that `expected` is contained in `actual`: every key with an equal value. Lists of objects
 * with a `name` are matched by name (the charts may add entries such as extra env vars); other
 * lists must have the same length and match index by index. Returns the first difference, if any.
 */
export function subsetDifference(
  actual: unknown,
  expected: unknown,
  path = '',
): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected a list, got ${JSON.stringify(actual)}`;
    const byName = expected.every(
      (item) => typeof item === 'object' && item !== null && 'name' in item,
    );
    if (!byName && actual.length !== expected.length) {
      return `${path}: expected ${expected.length} items, got ${actual.length}`;
    }
    for (const [index, item] of expected.entries()) {
      const name: unknown = byName ? (item as { name: unknown }).name : undefined;
      const match = byName
        ? actual.find((candidate: unknown) => (candidate as { name?: unknown })?.name === name)
        : actual[index];
      const where = byName ? `${path}[name=${String(name)}]` : `${path}[${index}]`;
      if (match === undefined) return `${where}: missing`;
      const difference = subsetDifference(match, item, where);
      if (difference) return difference;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    }
    for (const [key, value] of Object.entries(expected)) {
      const difference = subsetDifference(
        (actual as Record<string, unknown>)[key],
        value,
        `${path}.${key}`,
      );
      if (difference) return difference;
    }
    return undefined;
  }
  return Object.is(actual, expected)
    ? undefined
    : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
