import { describe, expect, it } from 'vitest';
import { emptyDraft } from '@/lib/tasks/draft';
import { newRepeatDraft } from '@/lib/tasks/repeat-draft';
import { isReminderList, isTaskDraft } from '@/lib/tasks/sent-draft';

describe('isTaskDraft', () => {
  it('accepts the drafts the forms make', () => {
    expect(isTaskDraft(emptyDraft('UTC'))).toBe(true);
    expect(isTaskDraft({ ...emptyDraft('UTC'), repeat: newRepeatDraft('weekly') })).toBe(true);
  });

  it('refuses what a hand-made request could send instead, so no check reads a wrong shape', () => {
    const draft = emptyDraft('UTC');
    for (const sent of [
      null,
      'title',
      { ...draft, title: 42 },
      { ...draft, tags: 'a,b' },
      { ...draft, tags: [1] },
      { ...draft, repeat: { ...newRepeatDraft('weekly'), weekdays: 'mo' } },
      { ...draft, repeat: { frequency: 'daily' } },
      { ...draft, timeZone: undefined },
    ]) {
      expect(isTaskDraft(sent)).toBe(false);
    }
  });
});

describe('isReminderList', () => {
  it('checks what a browser sent against the contract', () => {
    expect(isReminderList([{ kind: 'before', minutes_before: 30 }])).toBe(true);
    expect(isReminderList([{ kind: 'before', minutes_before: 1 }])).toBe(false);
    expect(isReminderList([{ kind: 'at', at: 'soon' }])).toBe(false);
    expect(isReminderList('due')).toBe(false);
  });
});
