import { normalizeTags, type Priority } from '@todo/contract';
import { firstOccurrence, ruleFromInput, summarizeRule } from '../repeat/index.js';
import { zonedParts, zonedTimeToInstant } from '../zoned-time.js';
import { dateLabel, findDate } from './date-phrase.js';
import { findPriority, findProject, findTags } from './markers.js';
import { distinctReminders, findReminders } from './reminder-phrase.js';
import { findRepeat } from './repeat-phrase.js';
import { Claims, findQuoted, type QuotedSpan } from './spans.js';
import type {
  QuickAddOptions,
  QuickAddResult,
  QuickAddToken,
  QuickAddTokenKind,
  Span,
  Zone,
} from './types.js';

// Claimed characters become this for the repeat and date readers: not a letter, digit or space,
// so no word runs into a neighbour ("tomorrow p1 9am" is "tomorrow" and a second date, 9am).
const MASK = '\u0001';

const PRIORITY_LABELS: Record<Priority | 'none', string> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
  none: 'No priority',
};

/** The line without its tokens and without the quotes of escaped phrases, spaces collapsed. */
function titleOf(text: string, tokens: readonly Span[], quoted: readonly QuotedSpan[]): string {
  const chars = text.split('');
  for (const { start, end } of tokens) chars.fill(' ', start, end);
  for (const { start, end } of quoted) {
    chars[start] = '';
    chars[end - 1] = '';
  }
  // "Call mom (p1)" leaves empty brackets behind.
  return chars
    .join('')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 23:59 today in the zone: a repeat typed without a date or time starts today. */
function endOfToday({ now, timeZone }: Zone): Date {
  const today = zonedParts(now, timeZone);
  return zonedTimeToInstant(timeZone, today.year, today.month, today.day, 23, 59);
}

/**
 * Reads one line typed into quick add: "Pay rent tomorrow 9am every month p1 #Home @bills".
 * The grammar and its ambiguity decisions: docs/quick-add.md.
 */
export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAddResult {
  const zone: Zone = { now: options.now, timeZone: options.timeZone };
  const claims = new Claims(text.length);
  const quoted = findQuoted(text);
  for (const span of quoted) claims.claim(span);

  const tokens: QuickAddToken[] = [];
  const add = (kind: QuickAddTokenKind, { start, end }: Span, label: string) => {
    claims.claim({ start, end });
    tokens.push({ kind, start, end, text: text.slice(start, end), label });
  };

  const project = findProject(text, claims, options.projects);
  if (project) add('project', project, `#${project.value}`);
  const tags = findTags(text, claims);
  for (const tag of tags) add('tag', tag, `@${tag.value}`);
  const priority = findPriority(text, claims);
  if (priority) add('priority', priority, PRIORITY_LABELS[priority.value ?? 'none']);

  // Before the repeat and the date: "remind me at 5pm" is a reminder, not the due time.
  const reminders = findReminders(claims.mask(text, MASK), claims, zone);
  for (const reading of reminders) {
    if (reading.reminder) add('reminder', reading, reading.label);
    else claims.claim(reading);
  }

  const phrase = findRepeat(claims.mask(text, MASK), claims, zone);
  const checked = phrase ? ruleFromInput(phrase.rule) : null;
  const rule = checked?.ok ? checked.rule : null;
  if (phrase && rule) add('repeat', phrase, summarizeRule(rule, zone.timeZone));

  const date = findDate(claims.mask(text, MASK), zone);
  let due = date?.due ?? null;
  // A repeat starts at its first occurrence on or after the date written (today when none), at
  // the time written: "every mon tomorrow" is next Monday, so the due date lies on the rule.
  if (rule) due = firstOccurrence(rule, due ?? endOfToday(zone), zone.timeZone);
  if (date && due) add('date', date, dateLabel(due, date.hasTime, zone));

  tokens.sort((a, b) => a.start - b.start);
  return {
    title: titleOf(text, tokens, quoted),
    dueAt: due?.toISOString() ?? null,
    repeat: phrase && rule ? phrase.rule : null,
    priority: priority?.value ?? null,
    project: project?.value ?? null,
    tags: normalizeTags(tags.map((tag) => tag.value)),
    reminders: distinctReminders(reminders),
    tokens,
  };
}
