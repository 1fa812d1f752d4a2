import {
  normalizeTags,
  PROJECT_LIMITS,
  type Priority,
  storableNonBlank,
  TASK_LIMITS,
} from '@todo/contract';
import { atWordStart, type Claims, nameAfter } from './spans.js';
import type { Span } from './types.js';

/** Something a marker said, and where. */
export interface Found<T> extends Span {
  value: T;
}

const PRIORITY_WORD = /(?<=^|[\s([{])[pP]([1-4])(?=$|[\s.,;:!?)\]}])/g;
const PRIORITY_OF_DIGIT: Record<string, Priority | null> = {
  '1': 'high',
  '2': 'medium',
  '3': 'low',
  '4': null,
};

/** The first free `p1`…`p4` written as a word; p4 says "no priority" (null). */
export function findPriority(text: string, claims: Claims): Found<Priority | null> | null {
  for (const match of text.matchAll(PRIORITY_WORD)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (claims.isFree(span)) return { ...span, value: PRIORITY_OF_DIGIT[match[1] ?? '4'] ?? null };
  }
  return null;
}

// A marker inside is an address or a second marker; quotes belong to escapes.
const NOT_A_NAME = /[#@"“”]/;
// What the contract lets a tag or project name hold (no NUL, no lone surrogate, not blank).
const STORABLE = new RegExp(storableNonBlank, 'u');
// "#123" is an issue number and "@5" a time, not names.
const ONLY_NUMBERS = /^[\p{N}\p{P}]+$/u;

function usableName(name: string, max: number): boolean {
  return (
    STORABLE.test(name) &&
    [...name].length <= max &&
    !NOT_A_NAME.test(name) &&
    !ONLY_NUMBERS.test(name)
  );
}

/** Where each marker character stands at the start of a word, in order. */
function* markersAt(text: string, marker: string): Generator<number> {
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    if (atWordStart(text, at)) yield at;
  }
}

interface KnownName {
  name: string;
  lower: string;
}

function knownProjectAt(
  text: string,
  lowerText: string,
  at: number,
  names: readonly KnownName[],
): Found<string> | null {
  let best: Found<string> | null = null;
  for (const { name, lower } of names) {
    const end = at + 1 + name.length;
    if (best && end <= best.end) continue;
    // Lower-casing keeps the length for all but a few letters (İ); those compare slice by slice.
    const same =
      lowerText.length === text.length
        ? lowerText.startsWith(lower, at + 1)
        : text.slice(at + 1, end).toLowerCase() === lower;
    if (same && (end === text.length || /[\s.,;:!?)\]}]/.test(text[end] ?? ''))) {
      best = { start: at, end, value: name };
    }
  }
  return best;
}

/**
 * The first free `#project`: the longest of the person's project names that follows the `#`
 * (ignoring case, so names may hold spaces), else the word after it, as typed.
 */
export function findProject(
  text: string,
  claims: Claims,
  projects: readonly string[] = [],
): Found<string> | null {
  const lowerText = text.toLowerCase();
  const names = projects
    .filter((name) => name.trim() !== '')
    .map((name) => ({ name, lower: name.toLowerCase() }));
  for (const at of markersAt(text, '#')) {
    const known = knownProjectAt(text, lowerText, at, names);
    if (known && claims.isFree(known)) return known;
    const name = nameAfter(text, at + 1);
    const found = { start: at, end: at + 1 + name.length, value: name };
    if (usableName(name, PROJECT_LIMITS.nameMax) && claims.isFree(found)) return found;
  }
  return null;
}

/**
 * Every free `@tag` up to the task's limit of distinct tags; the value is the normalised tag. A
 * word that breaks the tag rules (too long, `bob@example.com`, `@` alone) stays in the title.
 */
export function findTags(text: string, claims: Claims): Found<string>[] {
  const found: Found<string>[] = [];
  const distinct = new Set<string>();
  for (const at of markersAt(text, '@')) {
    const name = nameAfter(text, at + 1);
    const tag = normalizeTags([name])[0] ?? '';
    const span = { start: at, end: at + 1 + name.length };
    if (!usableName(tag, TASK_LIMITS.tagMax) || !claims.isFree(span)) continue;
    if (!distinct.has(tag) && distinct.size === TASK_LIMITS.tagsMax) continue;
    distinct.add(tag);
    found.push({ ...span, value: tag });
  }
  return found;
}
