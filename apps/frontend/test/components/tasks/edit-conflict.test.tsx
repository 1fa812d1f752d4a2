// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditConflict } from '@/components/tasks/edit-conflict';
import { draftFromTask, type TaskDraft } from '@/lib/tasks/draft';
import { newRepeatDraft } from '@/lib/tasks/repeat-draft';
import { taskFixture } from '../../support/task-fixture';

afterEach(cleanup);

const theirs = taskFixture({
  title: 'Water the ferns',
  due_at: '2030-01-15T08:00:00.000Z',
  recurrence: 'custom',
  repeat: {
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    frequency: 'weekly',
    interval: 2,
    weekdays: ['mo', 'th'],
    month_day: null,
    count: null,
    until: null,
    from: 'due',
    summary: 'Every 2 weeks on Mon, Thu',
  },
});

function renderConflict(mine: TaskDraft) {
  render(
    <EditConflict
      id="c"
      latest={theirs}
      draft={mine}
      headingRef={createRef()}
      onKeepMine={() => {}}
      onUseTheirs={() => {}}
    />,
  );
}

describe('EditConflict', () => {
  it('shows both repeat rules in words where they differ', () => {
    const mine = {
      ...draftFromTask(theirs, 'Europe/Berlin'),
      repeat: { ...newRepeatDraft('monthly'), monthDayMode: 'last' as const },
    };
    renderConflict(mine);
    const row = screen.getByRole('row', { name: /Repeat/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['Every 2 weeks on Mon, Thu', 'Every month on the last day']);
    // Only the rule differs: the zone sent with it is not a row of its own.
    expect(
      screen.getAllByRole('row').map((each) => within(each).queryByRole('rowheader')?.textContent),
    ).toEqual([undefined, 'Repeat']);
  });

  it('says "none" for the side without a rule', () => {
    const mine = { ...draftFromTask(theirs, 'Europe/Berlin'), repeat: null };
    renderConflict(mine);
    const row = screen.getByRole('row', { name: /Repeat/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Every 2 weeks on Mon, Thu', 'none']);
  });
});
