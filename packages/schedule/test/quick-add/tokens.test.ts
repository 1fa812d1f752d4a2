import { describe, expect, it } from 'vitest';
import { escapeToken, parseQuickAdd } from '../../src/quick-add/index.js';
import { ALL_PHRASES, optionsOf } from './phrases/index.js';
import { DEFAULT_NOW, DEFAULT_ZONE } from './phrases/phrase.js';

const options = { now: new Date(DEFAULT_NOW), timeZone: DEFAULT_ZONE, projects: ['Home'] };
const SINGLE_KINDS = ['date', 'repeat', 'priority', 'project'];

describe('quick add tokens', () => {
  it('names each piece with its exact place and a chip label', () => {
    const text = 'Pay rent tomorrow 9am every month p1 #Home @bills';
    expect(parseQuickAdd(text, options).tokens).toEqual([
      { kind: 'date', start: 9, end: 21, text: 'tomorrow 9am', label: 'Tomorrow 09:00' },
      { kind: 'repeat', start: 22, end: 33, text: 'every month', label: 'Every month' },
      { kind: 'priority', start: 34, end: 36, text: 'p1', label: 'High priority' },
      { kind: 'project', start: 37, end: 42, text: '#Home', label: '#Home' },
      { kind: 'tag', start: 43, end: 49, text: '@bills', label: '@bills' },
    ]);
  });

  it.each([
    ['Report next fri', 'Fri 11 Dec'],
    ['Renew in 3 days', 'Friday'],
    ['Tax Jan 5', 'Tue, 5 Jan 2027'],
    ['Party Dec 24 18:00', 'Thu 24 Dec 18:00'],
    ['Call tonight', 'Today 22:00'],
    ['Team call every mon at 9am', 'Every week on Mon'],
    ['Gym every 2 weeks on mon, thu', 'Every 2 weeks on Mon, Thu'],
    ['Water every! 3 days', 'Every 3 days after completion'],
    ['Rent every month on the last day', 'Every month on the last day'],
    ['Fix the roof p4', 'No priority'],
    ['Clean #home', '#Home'],
    ['Errand @Shop', '@shop'],
    ['Pay !30m', 'Reminder: 30 min before'],
    ['Pay !90m', 'Reminder: 90 min before'],
    ['Pay remind me 2 days before', 'Reminder: 2 days before'],
    ['Pay remind me at due', 'Reminder: at due time'],
    ['Pay remind me at 5pm', 'Reminder: Today 17:00'],
    ['Pay !at tomorrow 8am', 'Reminder: Tomorrow 08:00'],
  ])('labels %s as %s', (text, label) => {
    expect(parseQuickAdd(text, options).tokens.map((token) => token.label)).toContain(label);
  });

  it('counts places in UTF-16 units, as String.slice and the input element do', () => {
    const text = '🎉 party tomorrow 8pm 🎉 @🎈';
    const [date, tag] = parseQuickAdd(text, options).tokens;
    expect(date).toMatchObject({ start: 9, end: 21, text: 'tomorrow 8pm' });
    expect(tag).toMatchObject({ start: 25, end: 28, text: '@🎈' });
  });

  it.each(ALL_PHRASES)('highlights exactly what it read in $text', (row) => {
    const { tokens } = parseQuickAdd(row.text, optionsOf(row));
    let previousEnd = 0;
    for (const token of tokens) {
      expect(token.start).toBeGreaterThanOrEqual(previousEnd);
      expect(token.end).toBeGreaterThan(token.start);
      expect(row.text.slice(token.start, token.end)).toBe(token.text);
      expect(token.text.trim()).toBe(token.text);
      expect(token.label).not.toBe('');
      previousEnd = token.end;
    }
    for (const kind of SINGLE_KINDS) {
      expect(tokens.filter((token) => token.kind === kind).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('escapeToken', () => {
  it('quotes the piece so it reads as words', () => {
    const text = 'Pay rent tomorrow p1';
    const [date, priority] = parseQuickAdd(text, options).tokens;
    if (!date || !priority) throw new Error('expected two tokens');
    expect(escapeToken(text, date)).toBe('Pay rent "tomorrow" p1');
    expect(parseQuickAdd(escapeToken(text, date), options)).toMatchObject({
      title: 'Pay rent tomorrow',
      dueAt: null,
      priority: 'high',
    });
    expect(parseQuickAdd(escapeToken(text, priority), options)).toMatchObject({
      title: 'Pay rent p1',
      priority: null,
    });
  });

  it('keeps the quote off a letter before it, where it would not open', () => {
    const text = 'x(tomorrow)';
    const [date] = parseQuickAdd(text, options).tokens;
    if (!date) throw new Error('expected a date');
    const escaped = escapeToken(text, date);
    expect(parseQuickAdd(escaped, options).dueAt).toBeNull();
  });

  it.each(ALL_PHRASES)('turns each chip of $text back into words', (row) => {
    const parsed = parseQuickAdd(row.text, optionsOf(row));
    for (const token of parsed.tokens) {
      const escaped = escapeToken(row.text, token);
      const again = parseQuickAdd(escaped, optionsOf(row));
      const quotedAt = escaped.indexOf(`"${token.text}"`, token.start);
      expect(quotedAt).toBeGreaterThanOrEqual(token.start);
      // Nothing is read inside the quotes; the words come back in the title.
      const inside = { start: quotedAt, end: quotedAt + token.text.length + 2 };
      for (const other of again.tokens) {
        expect(other.end <= inside.start || other.start >= inside.end).toBe(true);
      }
      expect(again.title).toContain(token.text.replace(/\s+/g, ' '));
    }
  });
});
