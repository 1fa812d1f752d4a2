import {
  type Frequency,
  REPEAT_LIMITS,
  type RepeatRuleFields,
  WEEKDAYS,
  type Weekday,
} from '@todo/contract';
import { readDateAt } from './date-phrase.js';
import { atWordStart, type Claims } from './spans.js';
import type { Span, Zone } from './types.js';

/**
 * The repeat grammar (docs/quick-add.md): "every" or "every!" and what repeats, or an adverb
 * ("daily"), then any of: "on mon, thu", "on the 15th", "on the last day", "for 5 times",
 * "until dec 31", "after completion". Read word by word; it ends at the first word that does not
 * fit, which stays for the date parser or the title.
 */

interface Word extends Span {
  text: string;
}

const UNITS: Record<string, Frequency> = {
  day: 'daily',
  days: 'daily',
  week: 'weekly',
  weeks: 'weekly',
  month: 'monthly',
  months: 'monthly',
  year: 'yearly',
  years: 'yearly',
};
const ADVERBS: Record<string, Frequency> = {
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  yearly: 'yearly',
  annually: 'yearly',
};
const DAY_NAMES: Record<string, Weekday> = {};
for (const [names, day] of [
  ['mon monday', 'mo'],
  ['tue tues tuesday', 'tu'],
  ['wed weds wednesday', 'we'],
  ['thu thur thurs thursday', 'th'],
  ['fri friday', 'fr'],
  ['sat saturday', 'sa'],
  ['sun sunday', 'su'],
] as const) {
  for (const name of names.split(' ')) DAY_NAMES[name] = day;
  DAY_NAMES[`${names.split(' ').at(-1)}s`] = day; // "mondays"
}
const WORKDAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr'];
const WEEKEND: Weekday[] = ['sa', 'su'];
const GROUPS: Record<string, Weekday[]> = {
  weekday: WORKDAYS,
  weekdays: WORKDAYS,
  workday: WORKDAYS,
  workdays: WORKDAYS,
  weekend: WEEKEND,
  weekends: WEEKEND,
};
const ORDINAL = /^(\d{1,2})(st|nd|rd|th)?$/;
const NUMBER = /^\d{1,4}$/;

/** Words of the line (letters and digits, "every!", commas) with where each starts and ends. */
function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+!?|[,&]/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0].toLowerCase(),
  }));
}

/** Walks the words of one phrase: only words joined by spaces and not claimed by anything else. */
class Cursor {
  constructor(
    private readonly words: Word[],
    private readonly text: string,
    private readonly claims: Claims,
    public index: number,
  ) {}

  peek(ahead = 0): string | undefined {
    const at = this.index + ahead;
    const word = this.words[at];
    const previous = this.words[at - 1];
    if (!word || !previous || !this.claims.isFree(word)) return undefined;
    if (this.text.slice(previous.end, word.start).trim() !== '') return undefined;
    return word.text;
  }

  take(count = 1): void {
    this.index += count;
  }

  /** Where the phrase read so far ends. */
  get end(): number {
    return Math.max(this.words[this.index - 1]?.end ?? 0, this.#readUpTo);
  }

  #readUpTo = 0;

  /** Moves past what a date phrase read ("dec 31st"). */
  skipTo(offset: number): void {
    while ((this.words[this.index]?.start ?? Number.POSITIVE_INFINITY) < offset) this.index += 1;
    this.#readUpTo = offset;
  }
}

type Rule = RepeatRuleFields & { interval: number };

function ordinalDay(word: string | undefined): number | null {
  const match = ORDINAL.exec(word ?? '');
  const day = Number(match?.[1]);
  return match && day >= 1 && day <= 31 ? day : null;
}

function interval(word: string | undefined): number | null {
  const value = Number(word);
  return NUMBER.test(word ?? '') && value >= 1 && value <= REPEAT_LIMITS.intervalMax ? value : null;
}

/** "mon, thu", "monday and thursday": the days in week order. */
function dayList(cursor: Cursor): Weekday[] | null {
  const days = new Set<Weekday>();
  const first = DAY_NAMES[cursor.peek() ?? ''];
  if (!first) return null;
  days.add(first);
  cursor.take();
  for (;;) {
    let ahead = 0;
    if (cursor.peek(ahead) === ',' || cursor.peek(ahead) === '&') ahead += 1;
    if (cursor.peek(ahead) === 'and') ahead += 1;
    const day = ahead > 0 ? DAY_NAMES[cursor.peek(ahead) ?? ''] : undefined;
    if (!day) break;
    days.add(day);
    cursor.take(ahead + 1);
  }
  return WEEKDAYS.filter((day) => days.has(day));
}

/** What follows "every": "day", "3 days", "other week", "weekday", "mon, thu", "15th", "last day". */
function body(cursor: Cursor): Rule | null {
  const word = cursor.peek();
  if (word === undefined) return null;
  const unit = UNITS[word];
  if (unit) {
    cursor.take();
    return { frequency: unit, interval: 1 };
  }
  const count = word === 'other' ? 2 : interval(word);
  const countedUnit = UNITS[cursor.peek(1) ?? ''];
  if (count !== null && countedUnit) {
    cursor.take(2);
    return { frequency: countedUnit, interval: count };
  }
  const group = GROUPS[word];
  if (group) {
    cursor.take();
    return { frequency: 'weekly', interval: 1, weekdays: group };
  }
  const days = dayList(cursor);
  if (days) return { frequency: 'weekly', interval: 1, weekdays: days };
  const monthDay = /\D/.test(word) ? ordinalDay(word) : null; // "15th", not a bare "15"
  if (monthDay !== null || (word === 'last' && cursor.peek(1) === 'day')) {
    cursor.take(monthDay !== null ? 1 : 2);
    if (monthDay !== null && cursor.peek() === 'day') cursor.take();
    return { frequency: 'monthly', interval: 1, month_day: monthDay ?? -1 };
  }
  return null;
}

/** "on mon, thu" (weekly), "on the 15th" or "on the last day" (monthly). */
function onPart(cursor: Cursor, rule: Rule): boolean {
  if (cursor.peek() !== 'on') return false;
  cursor.take();
  if (rule.frequency === 'weekly' && !rule.weekdays) {
    const days = dayList(cursor);
    if (days) rule.weekdays = days;
    return days !== null;
  }
  if (rule.frequency !== 'monthly' || rule.month_day !== undefined) return false;
  if (cursor.peek() === 'the') cursor.take();
  if (cursor.peek() === 'last' && cursor.peek(1) === 'day') {
    cursor.take(2);
    rule.month_day = -1;
    return true;
  }
  const day = ordinalDay(cursor.peek());
  if (day === null) return false;
  cursor.take();
  if (cursor.peek() === 'day') cursor.take();
  rule.month_day = day;
  return true;
}

/** "for 5 times", "5 times", "until dec 31", "after completion". */
function endPart(cursor: Cursor, rule: Rule, text: string, zone: Zone): boolean {
  const word = cursor.peek();
  const ended = rule.count !== undefined || rule.until !== undefined;
  const skip = word === 'for' ? 1 : 0;
  const times = Number(cursor.peek(skip));
  const unit = cursor.peek(skip + 1);
  if (!ended && NUMBER.test(cursor.peek(skip) ?? '') && (unit === 'times' || unit === 'time')) {
    if (times < 1 || times > REPEAT_LIMITS.countMax) return false;
    cursor.take(skip + 2);
    rule.count = times;
    return true;
  }
  if (!ended && word === 'until') {
    cursor.take();
    const date = readDateAt(text, cursor.end, zone);
    if (!date) return false;
    cursor.skipTo(date.end);
    rule.until = date.due.toISOString();
    return true;
  }
  if (rule.from === undefined && (word === 'after' || word === 'from')) {
    if (cursor.peek(1) !== 'completion') return false;
    cursor.take(2);
    rule.from = 'completion';
    return true;
  }
  return false;
}

/** A repeat phrase: where it stands and the rule it says. */
export interface RepeatPhrase extends Span {
  rule: RepeatRuleFields;
}

function phraseAt(
  words: Word[],
  index: number,
  text: string,
  claims: Claims,
  zone: Zone,
): RepeatPhrase | null {
  const first = words[index];
  if (!first || !claims.isFree(first) || !atWordStart(text, first.start)) return null;
  const cursor = new Cursor(words, text, claims, index + 1);
  let rule: Rule | null;
  const adverb = ADVERBS[first.text];
  if (adverb) rule = { frequency: adverb, interval: 1 };
  else if (first.text === 'every' || first.text === 'every!') rule = body(cursor);
  else return null;
  if (!rule) return null;
  if (first.text === 'every!') rule.from = 'completion';
  for (;;) {
    const saved = cursor.index;
    if (onPart(cursor, rule) || endPart(cursor, rule, text, zone)) continue;
    cursor.index = saved;
    break;
  }
  return { start: first.start, end: Math.max(first.end, cursor.end), rule };
}

/** The first repeat phrase in `text` (other parts already claimed in `claims`), or null. */
export function findRepeat(text: string, claims: Claims, zone: Zone): RepeatPhrase | null {
  const words = wordsOf(text);
  for (let index = 0; index < words.length; index += 1) {
    const phrase = phraseAt(words, index, text, claims, zone);
    if (phrase) return phrase;
  }
  return null;
}
