import { describe, expect, it } from 'vitest';
import { emptyDraft } from '@/lib/tasks/draft';
import { findProject, highlightSegments, NO_DEFAULTS } from '@/lib/tasks/quick-add';
import { parseLine, planQuickAdd } from '@/lib/tasks/quick-add-plan';
import { newRepeatDraft } from '@/lib/tasks/repeat-draft';

const PROJECTS = [
  { id: 1, name: 'Inbox' },
  { id: 2, name: 'Home' },
  { id: 3, name: 'Side project' },
];
// Monday 1 December 2025, 10:00 in Berlin.
const NOW = new Date('2025-12-01T09:00:00Z');
const ZONE = 'Europe/Berlin';
const parse = (text: string) => parseLine(text, NOW, ZONE, PROJECTS);
const details = emptyDraft(ZONE);
const context = { projects: PROJECTS, defaults: NO_DEFAULTS, now: NOW };

describe('highlightSegments', () => {
  it('cuts the line exactly at the tokens: joined, the segments are the text', () => {
    const text = 'Pay rent tomorrow 9am every month p1 #Home @bills';
    const parsed = parse(text);
    const segments = highlightSegments(text, parsed.tokens);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    let at = 0;
    const marked = [];
    for (const segment of segments) {
      if (segment.kind)
        marked.push({ kind: segment.kind, start: at, end: at + segment.text.length });
      at += segment.text.length;
    }
    expect(marked).toEqual(parsed.tokens.map(({ kind, start, end }) => ({ kind, start, end })));
    expect(marked.map((mark) => mark.kind)).toEqual([
      'date',
      'repeat',
      'priority',
      'project',
      'tag',
    ]);
  });

  it('ignores a token that does not fit the text instead of drawing it in the wrong place', () => {
    const token = { kind: 'tag' as const, start: 4, end: 40, text: '@x', label: '@x' };
    expect(highlightSegments('Buy @x', [token])).toEqual([
      { start: 0, text: 'Buy @x', kind: null },
    ]);
    expect(highlightSegments('', [])).toEqual([]);
  });
});

describe('planQuickAdd', () => {
  it('sends the structured fields the line names, in the zone, into the known project', () => {
    const planned = planQuickAdd(
      parse('Pay rent tomorrow 9am every month p1 #home @bills'),
      details,
      context,
    );
    expect(planned).toEqual({
      ok: true,
      plan: {
        newProject: null,
        body: {
          title: 'Pay rent',
          description: null,
          priority: 'high',
          tags: ['bills'],
          due_at: '2025-12-02T08:00:00.000Z',
          repeat: expect.objectContaining({ frequency: 'monthly' }),
          time_zone: ZONE,
          project_id: 2,
        },
      },
    });
  });

  it('names a project the person does not have, to be created first', () => {
    const planned = planQuickAdd(parse('Fix the fence #Garden'), details, context);
    expect(planned).toMatchObject({ ok: true, plan: { newProject: 'Garden' } });
    expect(planned.ok && 'project_id' in planned.plan.body).toBe(false);
  });

  it('sends the line’s reminders with those of "More options", each once', () => {
    const planned = planQuickAdd(parse('Call mum tomorrow 6pm !30m !due'), details, context);
    expect(planned.ok && planned.plan.body.reminders).toEqual([
      { kind: 'before', minutes_before: 30 },
      { kind: 'due' },
    ]);
    const chosen = planQuickAdd(
      parse('Call mum tomorrow 6pm !30m'),
      { ...details, reminders: [{ kind: 'before', minutes_before: 30 }, { kind: 'due' }] },
      context,
    );
    expect(chosen.ok && chosen.plan.body.reminders).toEqual([
      { kind: 'before', minutes_before: 30 },
      { kind: 'due' },
    ]);
    // None in the line and none chosen: left out, so the backend applies the default.
    const plain = planQuickAdd(parse('Call mum tomorrow 6pm'), details, context);
    expect(plain.ok && 'reminders' in plain.plan.body).toBe(false);
  });

  it('the line wins over "More options", which win over the view’s defaults', () => {
    const more = {
      ...details,
      priority: 'low' as const,
      description: 'Bring the form',
      due: '2025-12-10T12:00',
      repeat: newRepeatDraft('weekly'),
      tags: ['admin'],
    };
    const planned = planQuickAdd(parse('Call the bank p2 @money'), more, {
      ...context,
      defaults: { projectId: 3, dueToday: true },
    });
    expect(planned).toMatchObject({
      ok: true,
      plan: {
        body: {
          title: 'Call the bank',
          description: 'Bring the form',
          priority: 'medium',
          due_at: '2025-12-10T11:00:00.000Z',
          repeat: { frequency: 'weekly' },
          tags: ['admin', 'money'],
          project_id: 3,
        },
      },
    });
  });

  it('in Today, a task without a date is due at the end of today; a subtask is not', () => {
    const today = { ...context, defaults: { projectId: null, dueToday: true } };
    expect(planQuickAdd(parse('Water the plants'), details, today)).toMatchObject({
      ok: true,
      plan: { body: { due_at: '2025-12-01T22:59:00.000Z' } },
    });
    const subtask = planQuickAdd(parse('Buy soil'), details, { ...today, parentId: 9 });
    expect(subtask).toMatchObject({ ok: true, plan: { body: { due_at: null, parent_id: 9 } } });
  });

  it('refuses a line that is only tokens, and too many tags, in words', () => {
    expect(planQuickAdd(parse('tomorrow p1 #Home'), details, context)).toEqual({
      ok: false,
      errors: {
        title: 'Add what the task is: the line has only a date, repeat, priority, project or tags.',
      },
    });
    const tags = Array.from({ length: 6 }, (_, index) => `t${index}`);
    const line = `Pack ${tags.map((tag) => `@${tag}`).join(' ')}`;
    expect(
      planQuickAdd(parse(line), { ...details, tags: ['a', 'b', 'c', 'd', 'e'] }, context),
    ).toEqual({
      ok: false,
      errors: { tags: 'A task can have at most 10 tags.' },
    });
  });

  it('finds projects ignoring case, as the backend does', () => {
    expect(findProject(PROJECTS, 'side PROJECT')).toEqual({ id: 3, name: 'Side project' });
    expect(findProject(PROJECTS, 'Garden')).toBeUndefined();
  });
});
