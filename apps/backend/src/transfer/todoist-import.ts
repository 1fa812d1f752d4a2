import { createHash } from 'node:crypto';
import type { ImportWarning, Priority, UpdateTaskBody } from '@todo/contract';
import { TASK_LIMITS } from '@todo/contract';
import { canonicalTimeZone, parseQuickAdd } from '@todo/schedule';
import { parse } from 'csv-parse/sync';
import { refused } from '../lib/refused.js';
import { checkPlan, type ImportPlan, type PlannedTask } from './import-plan.js';

/**
 * Todoist's project CSV (help article "Format a CSV file to import into Todoist"): a header row
 * TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG, TIMEZONE,
 * then one row per task, section or note. PRIORITY 1 is p1, the highest; INDENT 1 a top-level
 * task, 2 a subtask, 3 and deeper sub-subtasks; DATE is natural language ("every monday").
 */
const REQUIRED = ['TYPE', 'CONTENT'] as const;

interface Row {
  line: number;
  cells: Map<string, string>;
}

function rowsOf(text: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refused(400, `The file is not readable CSV: ${reason}`);
  }
  const [header, ...rest] = records;
  const names = (header?.record ?? []).map((name) => name.trim().toUpperCase());
  const missing = REQUIRED.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw refused(
      422,
      `The CSV's first line has no ${missing.join(' or ')} column: a Todoist export starts with ` +
        'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,…',
    );
  }
  return rest.map(({ record, info }) => ({
    line: info.lines,
    cells: new Map(names.map((name, index) => [name, (record[index] ?? '').trim()])),
  }));
}

/** Quick add's reading of Todoist's p1…p4 (p4 says "no priority": our default). */
function priorityOf(cell: string): Priority | undefined {
  if (!/^[1-4]$/.test(cell)) return undefined;
  return parseQuickAdd(`p${cell}`, { now: new Date(), timeZone: 'UTC' }).priority ?? undefined;
}

/** The title without its `@labels`, which become tags (the labels' rules are quick add's). */
function titleAndTags(content: string): { title: string; tags: string[] } {
  const read = parseQuickAdd(content, { now: new Date(), timeZone: 'UTC' });
  const tagTokens = read.tokens.filter((token) => token.kind === 'tag');
  let title = content;
  for (const token of [...tagTokens].reverse()) {
    title = title.slice(0, token.start) + title.slice(token.end);
  }
  title = title.replace(/\s+/g, ' ').trim();
  return { title: title || content, tags: title ? read.tags : [] };
}

/** A stable key for a row: the same task in the same place of the same project, and its count. */
function keyOf(parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('base64url');
  return `todoist:${digest.slice(0, 27)}`;
}

export interface TodoistOptions {
  projectName: string;
  /** Where dates of rows without a TIMEZONE are read. */
  timeZone: string;
  now: Date;
}

/**
 * What a Todoist CSV asks for: one project, its tasks and subtasks. A section becomes a tag on
 * its tasks, a note is added to the description of the task above it, a sub-subtask becomes a
 * subtask of its top-level task, and a date quick add does not read stays in the description:
 * each with a warning. A row's key hashes the project, section, parent and title (and which
 * repeat of that title it is): importing the file again adds nothing, and a row added to it
 * later is the only task added.
 */
export function planFromTodoist(text: string, options: TodoistOptions): ImportPlan {
  const warnings: ImportWarning[] = [];
  const project = options.projectName.trim();
  const projectKey = `todoist:${project.toLowerCase()}`;
  const tasks: PlannedTask[] = [];
  const seen = new Map<string, number>();
  let section = '';
  let parent: PlannedTask | null = null;
  const warn = (line: number, message: string) => warnings.push({ line, message });

  for (const { line, cells } of rowsOf(text)) {
    const type = (cells.get('TYPE') ?? '').toLowerCase();
    const content = cells.get('CONTENT') ?? '';
    if (type === '' && content === '') continue;
    if (type === 'meta') continue;
    if (type === 'section') {
      section = content;
      parent = null;
      continue;
    }
    if (type === 'note') {
      const last = tasks.at(-1);
      if (!last) {
        warn(line, 'A note before any task is not imported');
        continue;
      }
      const description = [last.body.description, `Note: ${content}`].filter(Boolean).join('\n\n');
      if (description.length > TASK_LIMITS.descriptionMax) {
        warn(
          line,
          `The note does not fit in the description of “${last.body.title}”: not imported`,
        );
      } else last.body.description = description;
      continue;
    }
    if (type !== 'task') {
      warn(line, `TYPE “${type}” is not task, section or note: the row is not imported`);
      continue;
    }
    const indent = Number(cells.get('INDENT') || '1');
    let parentKey: string | null = null;
    if (indent > 1 && parent) {
      parentKey = parent.key;
      if (indent > 2) {
        warn(line, `Sub-subtask: it becomes a subtask of “${parent.body.title}” (one level here)`);
      }
    } else if (indent > 1) {
      warn(line, 'An indented task with no task above it comes in as a top-level task');
    }
    const { title, tags } = titleAndTags(content);
    const sectionTag = section ? section.toLowerCase() : '';
    if (sectionTag && sectionTag.length > TASK_LIMITS.tagMax) {
      warn(line, `Section “${section}”: too long to be a tag (${TASK_LIMITS.tagMax} at most)`);
    }
    const descriptionParts = [cells.get('DESCRIPTION') ?? ''];
    const body: UpdateTaskBody = { title };
    const priority = priorityOf(cells.get('PRIORITY') ?? '');
    if (priority) body.priority = priority;
    const allTags = [...tags];
    if (sectionTag && sectionTag.length <= TASK_LIMITS.tagMax) allTags.push(sectionTag);
    if (allTags.length > 0) body.tags = [...new Set(allTags)].slice(0, TASK_LIMITS.tagsMax);

    const date = cells.get('DATE') ?? '';
    if (date) {
      const zoneCell = cells.get('TIMEZONE') ?? '';
      const timeZone = (zoneCell && canonicalTimeZone(zoneCell)) || options.timeZone;
      const read = parseQuickAdd(date, { now: options.now, timeZone });
      const understood = read.title === '' && (read.dueAt !== null || read.repeat !== null);
      if (understood) {
        body.time_zone = timeZone;
        if (read.dueAt) body.due_at = read.dueAt;
        if (read.repeat) body.repeat = read.repeat;
      } else {
        descriptionParts.push(`Todoist date: ${date}`);
        warn(line, `Date “${date}” is not one quick add reads: kept in the description`);
      }
    }
    const description = descriptionParts.filter(Boolean).join('\n\n');
    if (description) body.description = description;

    const identity = [project.toLowerCase(), section, parentKey ?? '', content];
    const seenKey = identity.join('\u0000');
    const count = (seen.get(seenKey) ?? 0) + 1;
    seen.set(seenKey, count);
    const task: PlannedTask = {
      key: keyOf([...identity, String(count)]),
      line,
      path: `line ${line}`,
      projectKey,
      parentKey,
      body,
    };
    tasks.push(task);
    if (parentKey === null) parent = task;
  }
  return checkPlan({
    projects: [{ key: projectKey, name: project, archived: false, isInbox: false, line: null }],
    tasks,
    warnings,
  });
}
