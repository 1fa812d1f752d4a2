import type { Task } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { addTag, draftFromTask, EMPTY_DRAFT, validateDraft } from '@/lib/task-draft';

describe('validateDraft', () => {
  it('turns a draft into the backend body in the user’s zone', () => {
    const result = validateDraft(
      {
        title: '  Call the bank  ',
        description: '  ',
        priority: 'high',
        tags: ['Money', 'money', ' admin '],
        due: '2025-06-02T09:30',
        recurrence: 'monthly',
      },
      'Europe/Berlin',
    );
    expect(result).toEqual({
      ok: true,
      body: {
        title: 'Call the bank',
        description: null,
        priority: 'high',
        tags: ['money', 'admin'],
        due_at: '2025-06-02T07:30:00.000Z',
        recurrence: 'monthly',
      },
    });
  });

  it('sends null for no due date, and a repeat without one is left to the backend', () => {
    const result = validateDraft({ ...EMPTY_DRAFT, title: 'x', recurrence: 'daily' }, 'UTC');
    expect(result).toMatchObject({ ok: true, body: { due_at: null, recurrence: 'daily' } });
  });

  it('explains every field that is wrong', () => {
    const result = validateDraft(
      {
        title: ' ',
        description: 'd'.repeat(1001),
        priority: 'urgent' as never,
        tags: Array.from({ length: 11 }, (_, index) => `t${index}`),
        due: '2025-02-30T10:00',
        recurrence: 'hourly' as never,
      },
      'UTC',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Give the task a title.',
        description: 'Keep the description to 1000 characters (it has 1001).',
        priority: 'Choose low, medium or high.',
        recurrence: 'Choose how the task repeats.',
        tags: 'A task can have at most 10 tags.',
        due: 'Enter a valid date and time.',
      },
    });
  });

  it('counts the title after trimming and caps it at 200', () => {
    expect(validateDraft({ ...EMPTY_DRAFT, title: ` ${'x'.repeat(200)} ` }, 'UTC').ok).toBe(true);
    expect(validateDraft({ ...EMPTY_DRAFT, title: 'x'.repeat(201) }, 'UTC')).toEqual({
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
    } as Task;
    expect(draftFromTask(task, 'Europe/Berlin')).toEqual({
      title: 'T',
      description: '',
      priority: 'low',
      tags: ['a'],
      due: '2025-06-02T00:15',
      recurrence: 'weekly',
    });
  });
});
