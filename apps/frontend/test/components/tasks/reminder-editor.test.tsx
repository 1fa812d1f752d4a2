// @vitest-environment jsdom

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReminderInput } from '@todo/contract';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReminderEditor } from '@/components/tasks/reminder-editor';

afterEach(cleanup);

let latest: ReminderInput[] | null = null;

function Harness({ due, initial }: { due: string; initial: ReminderInput[] | null }) {
  const [reminders, setReminders] = useState(initial);
  latest = reminders;
  return (
    <ReminderEditor
      idPrefix="t"
      reminders={reminders}
      due={due}
      timeZone="Europe/Berlin"
      onChange={setReminders}
    />
  );
}

const add = () => fireEvent.click(screen.getByRole('button', { name: 'Add reminder' }));

describe('ReminderEditor', () => {
  it('adds a "before", an "at due" and an absolute reminder, and removes one', () => {
    render(<Harness due="2099-06-10T18:00" initial={null} />);
    expect(screen.getByText(/your default reminder/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('How long before'), { target: { value: '60' } });
    add();
    fireEvent.change(screen.getByLabelText('New reminder'), { target: { value: 'due' } });
    add();
    fireEvent.change(screen.getByLabelText('New reminder'), { target: { value: 'at' } });
    add();
    expect(screen.getByText('Choose the date and time to be reminded at.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Remind at'), { target: { value: '2099-06-09T08:15' } });
    add();
    expect(latest).toEqual([
      { kind: 'before', minutes_before: 60 },
      { kind: 'due' },
      { kind: 'at', at: '2099-06-09T06:15:00.000Z' },
    ]);
    const rows = screen.getAllByRole('listitem');
    expect(within(rows[0] as HTMLElement).getByText(/^Fires .* 17:00$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove reminder: At the due time' }));
    expect(latest).toHaveLength(2);
  });

  it('says why a reminder will not fire, and refuses the same one twice', () => {
    render(<Harness due="" initial={[{ kind: 'due' }]} />);
    expect(screen.getByText('Will not fire: needs a due time')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New reminder'), { target: { value: 'due' } });
    add();
    expect(screen.getByText('The task has that reminder already.')).toBeTruthy();
    expect(latest).toEqual([{ kind: 'due' }]);
  });
});
