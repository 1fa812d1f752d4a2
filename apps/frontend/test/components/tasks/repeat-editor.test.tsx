// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RepeatEditor } from '@/components/tasks/repeat-editor';
import { type RepeatDraft, validateRepeat } from '@/lib/tasks/repeat-draft';

afterEach(cleanup);

let latest: RepeatDraft | null = null;

function Harness() {
  const [repeat, setRepeat] = useState<RepeatDraft | null>(null);
  latest = repeat;
  const checked = validateRepeat(repeat, 'Europe/Berlin', null);
  return (
    <RepeatEditor
      idPrefix="t"
      repeat={repeat}
      timeZone="Europe/Berlin"
      errors={checked.ok ? {} : checked.errors}
      onChange={setRepeat}
    />
  );
}

const summary = () => document.querySelector('.repeat-summary')?.textContent;

describe('RepeatEditor', () => {
  it('builds “every 2 weeks on Mon, Thu” with the summary following each change', () => {
    render(<Harness />);
    expect(screen.queryByRole('group', { name: 'On' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'weekly' } });
    expect(summary()).toBe('Every week');
    fireEvent.change(screen.getByLabelText('Every'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Thursday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Monday' }));
    expect(screen.getByRole('button', { name: 'Monday' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(summary()).toBe('Every 2 weeks on Mon, Thu');
    expect(document.querySelector('.repeat-summary')?.getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Monday' }));
    expect(summary()).toBe('Every 2 weeks on Thu');
  });

  it('monthly on the last day, ending after 5 times, counted from completion', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'monthly' } });
    fireEvent.click(screen.getByLabelText('On the last day'));
    fireEvent.click(screen.getByLabelText('After a number of times'));
    fireEvent.change(screen.getByLabelText('Times'), { target: { value: '5' } });
    fireEvent.click(screen.getByLabelText('From completion'));
    expect(summary()).toBe('Every month on the last day after completion, 5 times');
    expect(latest).toMatchObject({ monthDayMode: 'last', end: 'count', from: 'completion' });
  });

  it('shows a wrong part in words next to it, and no summary until it is fixed', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'monthly' } });
    fireEvent.click(screen.getByLabelText('On a day of the month'));
    const day = screen.getByLabelText('Day');
    fireEvent.change(day, { target: { value: '32' } });
    expect(screen.getByText('Enter a day of the month from 1 to 31.')).toBeTruthy();
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(summary()).toBe('Finish the rule to see it in words.');
    fireEvent.change(day, { target: { value: '31' } });
    expect(summary()).toBe('Every month on the 31st');
  });

  it('“Does not repeat” clears the rule', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: 'daily' } });
    expect(latest).not.toBeNull();
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: '' } });
    expect(latest).toBeNull();
    expect(summary()).toBeUndefined();
  });
});
