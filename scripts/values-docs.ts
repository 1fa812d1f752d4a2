// The values tables of the chart READMEs and docs/kubernetes-charts.md, generated from the one
// source: the `# --` comment above each key of the charts' values.yaml (`## @section` starts a group).
// `npm run docs:values` rewrites them; tests/charts/values-docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, type Node, parseDocument, type YAMLMap } from 'yaml';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const appCharts = ['todo-backend', 'todo-frontend'] as const;
const allCharts = ['todo', ...appCharts] as const;

export interface ValueRow {
  section: string;
  key: string;
  /** The default as written in a table cell: JSON of the value. */
  default: string;
  description: string;
}

/** Every documented key of a values.yaml, in file order; throws naming the keys with no `# --`. */
export function valueRows(valuesYaml: string): ValueRow[] {
  const document = parseDocument(valuesYaml);
  if (!isMap(document.contents)) throw new Error('values.yaml is not a map');
  const rows: ValueRow[] = [];
  const undocumented: string[] = [];
  let section = '';
  const walk = (map: YAMLMap, prefix: string) => {
    map.items.forEach((pair, index) => {
      const key = `${prefix}${String((pair.key as Node & { value: unknown }).value)}`;
      // The comment above a map's first key belongs to the map node itself.
      const comment = [index === 0 ? map.commentBefore : '', (pair.key as Node).commentBefore]
        .filter(Boolean)
        .join('\n');
      for (const line of comment.split('\n')) {
        const match = /^# @section (.+)$/.exec(line.trim());
        if (match?.[1]) section = match[1];
      }
      const description = comment
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line.startsWith('-- '));
      const value = pair.value as Node | null;
      if (description) {
        const json = JSON.stringify(value === null ? null : value.toJSON());
        rows.push({ section, key, default: json, description: description.slice(3) });
      } else if (isMap(value) && value.items.length > 0) {
        walk(value, `${key}.`);
      } else {
        undocumented.push(key);
      }
    });
  };
  walk(document.contents, '');
  if (undocumented.length > 0)
    throw new Error(`values.yaml keys without a "# --" comment: ${undocumented.join(', ')}`);
  return rows;
}

/** A Markdown table with padded columns (as formatters leave them). */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, column) =>
    Math.max(3, ...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(all[0] ?? []), rule, ...all.slice(1).map(line)].join('\n');
}

const code = (text: string) => `\`${text}\``;

/** One table per section: key, default, description. */
export function chartValuesMarkdown(rows: ValueRow[]): string {
  const sections = [...new Set(rows.map((row) => row.section))];
  return sections
    .map((section) => {
      const table = markdownTable(
        ['Key', 'Default', 'Description'],
        rows
          .filter((row) => row.section === section)
          .map((row) => [code(row.key), code(row.default), row.description]),
      );
      return `### ${section}\n\n${table}`;
    })
    .join('\n\n');
}

/** Both app charts side by side: every key with each chart's default and description. */
export function comparisonMarkdown(backend: ValueRow[], frontend: ValueRow[]): string {
  const keys = [...new Set([...backend, ...frontend].map((row) => row.key))];
  const find = (rows: ValueRow[], key: string) => rows.find((row) => row.key === key);
  const rows = keys.map((key) => {
    const b = find(backend, key);
    const f = find(frontend, key);
    const description =
      b && f && b.description !== f.description
        ? `Backend: ${b.description} Frontend: ${f.description}`
        : ((b ?? f)?.description ?? '');
    return [code(key), b ? code(b.default) : '—', f ? code(f.default) : '—', description];
  });
  return markdownTable(['Value', 'todo-backend', 'todo-frontend', 'Description'], rows);
}

function readValues(chart: string): ValueRow[] {
  return valueRows(readFileSync(join(repoRoot, 'charts', chart, 'values.yaml'), 'utf8'));
}

/** Replaces the text between `<!-- values:NAME:start -->` and `<!-- values:NAME:end -->`. */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- values:${name}:start -->`;
  const end = `<!-- values:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

/** Every file the values tables live in, as they should read now (path relative to the repository). */
export function generatedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  const rows = Object.fromEntries(allCharts.map((chart) => [chart, readValues(chart)]));
  for (const chart of allCharts) {
    const path = join('charts', chart, 'README.md');
    const text = readFileSync(join(repoRoot, path), 'utf8');
    files.set(path, replaceBetweenMarkers(text, chart, chartValuesMarkdown(rows[chart] ?? [])));
  }
  const docPath = join('docs', 'kubernetes-charts.md');
  let doc = readFileSync(join(repoRoot, docPath), 'utf8');
  doc = replaceBetweenMarkers(
    doc,
    'apps',
    comparisonMarkdown(rows['todo-backend'] ?? [], rows['todo-frontend'] ?? []),
  );
  doc = replaceBetweenMarkers(doc, 'todo', chartValuesMarkdown(rows.todo ?? []));
  files.set(docPath, doc);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of generatedDocs()) {
    const current = readFileSync(join(repoRoot, path), 'utf8');
    if (current === content) continue;
    stale.push(path);
    if (!check) writeFileSync(join(repoRoot, path), content);
  }
  if (check && stale.length > 0) {
    console.error(`values tables out of date in ${stale.join(', ')}: run npm run docs:values`);
    process.exit(1);
  }
  console.log(stale.length > 0 ? `rewrote ${stale.join(', ')}` : 'values tables are up to date');
}
