'use client';

import { WEEKDAYS, type Weekday } from '@todo/contract';
import type { ReactNode } from 'react';
import { describedBy, Field, FieldError } from '@/components/ui/field-error';
import { FREQUENCY_OPTIONS, optionValue } from '@/lib/tasks/options';
import {
  intervalUnit,
  type MonthDayMode,
  newRepeatDraft,
  type RepeatDraft,
  type RepeatEnd,
  type RepeatErrors,
  repeatSummary,
} from '@/lib/tasks/repeat-draft';
import './repeat-editor.css';

const WEEKDAY_LABELS: Record<Weekday, [short: string, full: string]> = {
  mo: ['Mon', 'Monday'],
  tu: ['Tue', 'Tuesday'],
  we: ['Wed', 'Wednesday'],
  th: ['Thu', 'Thursday'],
  fr: ['Fri', 'Friday'],
  sa: ['Sat', 'Saturday'],
  su: ['Sun', 'Sunday'],
};
const MONTH_DAY_LABELS: Record<MonthDayMode, string> = {
  due: 'On the due date’s day',
  day: 'On a day of the month',
  last: 'On the last day',
};
const END_LABELS: Record<RepeatEnd, string> = {
  never: 'Never',
  count: 'After a number of times',
  until: 'On a date',
};

function Choice<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  children,
}: {
  name: string;
  legend: string;
  options: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  const entries = Object.entries(options) as [T, string][];
  return (
    <fieldset className="repeat-group">
      <legend className="field-label">{legend}</legend>
      <div className="repeat-choices">
        {entries.map(([option, label]) => (
          <label key={option} className="repeat-choice">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/** A whole number typed in a small input (interval, day of the month, times). */
function NumberField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        className="input input-number"
        inputMode="numeric"
        value={value}
        {...describedBy(id, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/**
 * The repeat rule of a task: frequency and interval, weekdays (weekly), the day of the month
 * (monthly), an optional end and whether the next date counts from the due date or from the
 * completion. The summary under it says the rule in words as it is edited.
 */
export function RepeatEditor({
  idPrefix,
  repeat,
  timeZone,
  errors,
  onChange,
}: {
  idPrefix: string;
  repeat: RepeatDraft | null;
  timeZone: string;
  errors: RepeatErrors;
  onChange: (repeat: RepeatDraft | null) => void;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof RepeatDraft>(key: K, value: RepeatDraft[K]) => {
    if (repeat) onChange({ ...repeat, [key]: value });
  };
  const toggleDay = (day: Weekday) => {
    if (!repeat) return;
    const on = repeat.weekdays.includes(day);
    set(
      'weekdays',
      on ? repeat.weekdays.filter((other) => other !== day) : [...repeat.weekdays, day],
    );
  };
  const summary = repeat ? repeatSummary(repeat, timeZone) : null;

  return (
    <div className="repeat-editor">
      <Field id={id('repeat')} label="Repeat" error={errors.repeat}>
        <select
          id={id('repeat')}
          className="input select"
          value={repeat?.frequency ?? ''}
          onChange={(event) => {
            const frequency = optionValue(FREQUENCY_OPTIONS, event.target.value);
            if (!frequency) onChange(null);
            else onChange(repeat ? { ...repeat, frequency } : newRepeatDraft(frequency));
          }}
        >
          <option value="">Does not repeat</option>
          {FREQUENCY_OPTIONS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {repeat ? (
        <fieldset className="repeat-rule">
          <legend className="visually-hidden">Repeat rule</legend>
          <div className="field">
            <label htmlFor={id('interval')} className="field-label">
              Every
            </label>
            <span className="repeat-interval">
              <input
                id={id('interval')}
                className="input input-number"
                inputMode="numeric"
                value={repeat.interval}
                {...describedBy(id('interval'), errors.repeatInterval)}
                onChange={(event) => set('interval', event.target.value)}
              />
              <span>{intervalUnit(repeat.frequency, repeat.interval)}</span>
            </span>
            <FieldError fieldId={id('interval')}>{errors.repeatInterval}</FieldError>
          </div>
          {repeat.frequency === 'weekly' ? (
            <fieldset className="repeat-group">
              <legend className="field-label">On</legend>
              <div className="weekday-toggles">
                {WEEKDAYS.map((day) => (
                  <button
                    key={day}
                    type="button"
                    className="chip weekday-toggle"
                    aria-pressed={repeat.weekdays.includes(day)}
                    aria-label={WEEKDAY_LABELS[day][1]}
                    onClick={() => toggleDay(day)}
                  >
                    {WEEKDAY_LABELS[day][0]}
                  </button>
                ))}
              </div>
              <p className="field-hint">None picked: the due date’s weekday.</p>
            </fieldset>
          ) : null}
          {repeat.frequency === 'monthly' ? (
            <Choice
              name={id('month-day-mode')}
              legend="Day of the month"
              options={MONTH_DAY_LABELS}
              value={repeat.monthDayMode}
              onChange={(mode) => set('monthDayMode', mode)}
            >
              {repeat.monthDayMode === 'day' ? (
                <NumberField
                  id={id('month-day')}
                  label="Day"
                  value={repeat.monthDay}
                  error={errors.repeatMonthDay}
                  onChange={(value) => set('monthDay', value)}
                />
              ) : null}
            </Choice>
          ) : null}
          <Choice
            name={id('end')}
            legend="Ends"
            options={END_LABELS}
            value={repeat.end}
            onChange={(end) => set('end', end)}
          >
            {repeat.end === 'count' ? (
              <NumberField
                id={id('count')}
                label="Times"
                value={repeat.count}
                error={errors.repeatCount}
                onChange={(value) => set('count', value)}
              />
            ) : null}
            {repeat.end === 'until' ? (
              <Field id={id('until')} label="End date" error={errors.repeatUntil}>
                <input
                  id={id('until')}
                  type="date"
                  className="input"
                  value={repeat.until}
                  {...describedBy(id('until'), errors.repeatUntil)}
                  onChange={(event) => set('until', event.target.value)}
                />
              </Field>
            ) : null}
          </Choice>
          <Choice
            name={id('from')}
            legend="The next date counts"
            options={{ due: 'From the due date', completion: 'From completion' }}
            value={repeat.from}
            onChange={(from) => set('from', from)}
          />
          <p className="repeat-summary" aria-live="polite">
            {summary ?? 'Finish the rule to see it in words.'}
          </p>
        </fieldset>
      ) : null}
    </div>
  );
}
