import { TASK_LIMITS } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from '../../src/quick-add/index.js';
import { DEFAULT_NOW, DEFAULT_ZONE } from './phrases/phrase.js';

const MAX = TASK_LIMITS.quickAddMax;
const fill = (piece: string) => piece.repeat(Math.ceil(MAX / piece.length)).slice(0, MAX);

// Lines built to make a naive reader backtrack or rescan: every marker, quote and keyword at once.
const LINES: Record<string, string> = {
  'every token at once': fill('tomorrow every day p1 #Home @tag "q" mon, '),
  'repeat openings': fill('every '),
  'unclosed repeat ends': fill('every day until '),
  'long day list': fill('every mon, '),
  'quotes that never close': fill(' "x"x'),
  'hashes alone': fill('# '),
  'hash run': fill('#'),
  'tags past the limit': fill('@a '),
  'slash dates': fill('1/2 '),
  'date after date': fill('dec 24 18:00 '),
  'reminder openings': fill('remind me '),
  'reminders of every form': fill('!30m !at 5pm remind me 1 hour before remind me at due '),
  'reminders out of range': fill('!3m !2w '),
  emoji: fill('🎉'),
  'right-to-left': fill('שלום מחר '),
  punctuation: fill('!?.,'),
};
// Known project names make `#` try each; the most a person may have, each as long as allowed.
const projects = Array.from({ length: 300 }, (_, n) => `Project ${n} ${'x'.repeat(45)}`);
const options = { now: new Date(DEFAULT_NOW), timeZone: DEFAULT_ZONE, projects };

describe('quick add on hostile 500-character lines', () => {
  it.each(Object.entries(LINES))('%s: parses in well under 200 ms', (_, line) => {
    // V8 compiles chrono's patterns on first use (~0.1 s, docs/quick-add.md): not this line's cost.
    parseQuickAdd('warm up tomorrow 9am every day p1 #Home @x', options);
    parseQuickAdd(line, options);
    const started = performance.now();
    const result = parseQuickAdd(line, options);
    const elapsed = performance.now() - started;
    console.info(`quick add, ${line.length} characters (${_}): ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(200);
    expect(result.title.length).toBeLessThanOrEqual(line.length);
    expect(result.tags.length).toBeLessThanOrEqual(TASK_LIMITS.tagsMax);
  });
});
