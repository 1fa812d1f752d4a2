import type { RepeatRuleFields, Task } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import {
  addTag,
  changedFields,
  draftChanges,
  draftFromTask,
  emptyDraft,
  type TaskDraft,
  validateDraft,
} from '@/lib/tasks/draft';
import { newRepeatDraft } from '@/lib/tasks/repeat-draft';

const MONTHLY: RepeatRuleFields = {
  frequency: 'monthly',
  interval: 1,
  weekdays: [],
  month_day: null,
  count: null,
  until: null,
  from: 'due',
};

const EMPTY_UTC = emptyDraft('UTC');

describe('validateDraft', () => {
  it('turns a draft into the backend body in the zone it was rendered in', () => {
    const result = validateDraft({
      title: '  Call the bank  ',
      description: '  ',
      priority: 'high',
      tags: ['Money', 'money', ' admin '],
      due: '2025-06-02T09:30',
      repeat: newRepeatDraft('monthly'),
      reminders: null,
      timeZone: 'Europe/Berlin',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        title: 'Call the bank',
        description: null,
        priority: 'high',
        tags: ['money', 'admin'],
        due_at: '2025-06-02T07:30:00.000Z',
        repeat: MONTHLY,
        time_zone: 'Europe/Berlin',
      },
    });
  });

  it('sends null for no due date, and a repeat without one is left to the backend', () => {
    const result = validateDraft({ ...EMPTY_UTC, title: 'x', repeat: newRepeatDraft('daily') });
    expect(result).toMatchObject({
      ok: true,
      body: { due_at: null, repeat: { frequency: 'daily', interval: 1 } },
    });
  });

  it('explains every field that is wrong', () => {
    const result = validateDraft({
      title: ' ',
      description: 'd'.repeat(1001),
      priority: 'urgent' as never,
      tags: Array.from({ length: 11 }, (_, index) => `t${index}`),
      due: '2025-02-30T10:00',
      repeat: { ...newRepeatDraft('weekly'), interval: '0', end: 'count', count: 'ten' },
      reminders: null,
      timeZone: 'UTC',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Give the task a title.',
        description: 'Keep the description to 1000 characters (it has 1001).',
        priority: 'Choose low, medium or high.',
        repeatInterval: 'Enter how many weeks apart, a whole number from 1 to 999.',
        repeatCount: 'Enter how many times, a whole number from 1 to 1000.',
        tags: 'A task can have at most 10 tags.',
        due: 'Enter a valid date and time.',
      },
    });
  });

  it('counts the title after trimming and caps it at 200', () => {
    expect(validateDraft({ ...EMPTY_UTC, title: ` ${'x'.repeat(200)} ` }).ok).toBe(true);
    expect(validateDraft({ ...EMPTY_UTC, title: 'x'.repeat(201) })).toEqual({
      ok: false,
      errors: { title: 'Keep the title to 200 characters (it has 201).' },
    });
  });
});

describe('addTag', () => {
  it('normalises, ignores blanks and duplicates', () => {
    expect(addTag([], ' Work ')).toEqual({ tags: ['work'] });
    const tags = ['work'];
    expect(addTag(tags, 'WORK').tags).toBe(tags);
    expect(addTag(tags, '   ').tags).toBe(tags);
  });

  it('refuses long tags and an eleventh tag with a message', () => {
    expect(addTag([], 'x'.repeat(33))).toEqual({ tags: [], error: 'Keep tags to 32 characters.' });
    const ten = Array.from({ length: 10 }, (_, index) => `t${index}`);
    expect(addTag(ten, 'one-more')).toEqual({
      tags: ten,
      error: 'A task can have at most 10 tags.',
    });
  });
});

describe('draftFromTask', () => {
  it('shows the due date as local wall time for the editor', () => {
    const task = {
      title: 'T',
      description: null,
      priority: 'low',
      tags: ['a'],
      due_at: '2025-06-01T22:15:00.000Z',
      recurrence: 'weekly',
      repeat: null,
      reminders: [] as Task['reminders'],
    } as Task;
    expect(draftFromTask(task, 'Europe/Berlin')).toEqual({
      title: 'T',
      description: '',
      priority: 'low',
      tags: ['a'],
      due: '2025-06-02T00:15',
      repeat: newRepeatDraft('weekly'),
      reminders: [],
      timeZone: 'Europe/Berlin',
    });
  });
});

describe('the zone travels with the draft', () => {
  const rendered: TaskDraft = {
    ...emptyDraft('Europe/Berlin'),
    title: 'Dentist',
    due: '2030-01-15T09:00',
  };

  it('reads the due time in the zone the form was rendered in, whatever the cookie says now', () => {
    // 09:00 in Berlin (UTC+1 in January) is 08:00Z; read in London it would be 09:00Z.
    expect(validateDraft(rendered)).toMatchObject({
      ok: true,
      body: { due_at: '2030-01-15T08:00:00.000Z' },
    });
  });

  it('refuses a due time whose zone is not a real one (the browser is not trusted)', () => {
    for (const timeZone of ['Mars/Olympus', '', 42 as unknown as string]) {
      expect(validateDraft({ ...rendered, timeZone })).toEqual({
        ok: false,
        errors: { due: 'Enter a valid date and time.' },
      });
    }
    expect(validateDraft({ ...rendered, due: '', timeZone: 'Mars/Olympus' }).ok).toBe(true);
  });
});

describe('changedFields', () => {
  const body = {
    title: 'Pay rent',
    description: null,
    priority: 'medium',
    tags: ['home', 'money'],
    due_at: '2030-01-15T08:00:00.000Z',
    repeat: MONTHLY,
    time_zone: 'Europe/Berlin',
  } as const;
  const base = { ...body, tags: [...body.tags] };

  it('names nothing when nothing changed, even with equal tags in a new array', () => {
    expect(changedFields(base, { ...body, tags: ['home', 'money'] })).toEqual({});
  });

  it('names exactly the fields that differ', () => {
    expect(changedFields(base, { ...base, title: 'Pay the rent' })).toEqual({
      title: 'Pay the rent',
    });
    expect(changedFields(base, { ...base, description: 'By Friday', priority: 'high' })).toEqual({
      description: 'By Friday',
      priority: 'high',
    });
    expect(changedFields(base, { ...base, due_at: null, repeat: null })).toEqual({
      due_at: null,
      repeat: null,
      time_zone: 'Europe/Berlin',
    });
  });

  it('sends a rule only when it changed, with the zone it counts in', () => {
    expect(changedFields(base, { ...base, repeat: { ...MONTHLY } })).toEqual({});
    const lastDay = { ...MONTHLY, month_day: -1 };
    expect(changedFields(base, { ...base, repeat: lastDay, time_zone: 'Asia/Tokyo' })).toEqual({
      repeat: lastDay,
      time_zone: 'Asia/Tokyo',
    });
    // The zone alone is not a change: the task keeps the zone its dates were written in.
    expect(changedFields(base, { ...base, time_zone: 'Asia/Tokyo' })).toEqual({});
  });

  it('sees a removed, an added and a reordered tag as a change of the tags', () => {
    expect(changedFields(base, { ...base, tags: ['home'] })).toEqual({ tags: ['home'] });
    expect(changedFields(base, { ...base, tags: ['home', 'money', 'bills'] })).toEqual({
      tags: ['home', 'money', 'bills'],
    });
    expect(changedFields(base, { ...base, tags: ['money', 'home'] })).toEqual({
      tags: ['money', 'home'],
    });
  });
});

describe('draftChanges', () => {
  const task = {
    title: 'Call the bank ',
    description: null,
    priority: 'low',
    tags: ['admin'],
    // Seconds set through the API: the editor shows minutes only.
    due_at: '2030-01-15T08:00:42.000Z',
    recurrence: 'none',
    repeat: null,
    reminders: [{ id: 4, kind: 'before', minutes_before: 30, at: null, fire_at: null }],
  } as Task;
  const opened = draftFromTask(task, 'Europe/Berlin');

  it('sends the reminders only when they change, all of them', () => {
    expect(opened.reminders).toEqual([{ kind: 'before', minutes_before: 30 }]);
    const added = [{ kind: 'before', minutes_before: 30 } as const, { kind: 'due' } as const];
    expect(draftChanges(opened, { ...opened, reminders: added })).toEqual({
      ok: true,
      changes: { reminders: added },
    });
    expect(draftChanges(opened, { ...opened, reminders: [] })).toEqual({
      ok: true,
      changes: { reminders: [] },
    });
  });

  it('leaves out what the person did not touch, so a due time keeps its seconds', () => {
    expect(draftChanges(opened, { ...opened, priority: 'high' })).toEqual({
      ok: true,
      changes: { priority: 'high' },
    });
    expect(draftChanges(opened, opened)).toEqual({ ok: true, changes: {} });
  });

  it('sends a changed due time read in the editor’s zone', () => {
    expect(draftChanges(opened, { ...opened, due: '2030-01-15T10:00' })).toEqual({
      ok: true,
      changes: { due_at: '2030-01-15T09:00:00.000Z', time_zone: 'Europe/Berlin' },
    });
  });

  it('reports the errors of the edited draft', () => {
    expect(draftChanges(opened, { ...opened, title: ' ' })).toEqual({
      ok: false,
      errors: { title: 'Give the task a title.' },
    });
  });
});
