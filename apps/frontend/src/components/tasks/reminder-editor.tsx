'use client';

import type { ReminderInput } from '@todo/contract';
import { fromDateTimeLocal } from '@todo/schedule';
import { useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { describeDue } from '@/lib/tasks/format-due';
import {
  addReminder,
  BEFORE_OPTIONS,
  describeReminder,
  fireTime,
  reminderKey,
} from '@/lib/tasks/reminders';
import './reminder-editor.css';

type Kind = ReminderInput['kind'];
const KIND_OPTIONS: { value: Kind; label: string }[] = [
  { value: 'due', label: 'At the due time' },
  { value: 'before', label: 'Before…' },
  { value: 'at', label: 'At a date and time' },
];

/**
 * A task's reminders: the list (each with when it fires, or why it will not) and a row to add
 * one. `reminders` null: not chosen yet, so a new task with a due time gets the default.
 */
export function ReminderEditor({
  idPrefix,
  reminders,
  due,
  timeZone,
  completed = false,
  onChange,
}: {
  idPrefix: string;
  reminders: ReminderInput[] | null;
  /** The due time as the form holds it (datetime-local in `timeZone`), '' for none. */
  due: string;
  timeZone: string;
  completed?: boolean;
  onChange: (reminders: ReminderInput[]) => void;
}) {
  const [kind, setKind] = useState<Kind>('before');
  const [minutes, setMinutes] = useState('15');
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = (name: string) => `${idPrefix}-reminder-${name}`;
  const now = new Date();
  const dueAt = due ? (fromDateTimeLocal(due, timeZone)?.toISOString() ?? null) : null;

  function add() {
    let added: ReminderInput;
    if (kind === 'due') added = { kind: 'due' };
    else if (kind === 'before') added = { kind: 'before', minutes_before: Number(minutes) };
    else {
      const instant = at ? fromDateTimeLocal(at, timeZone) : null;
      if (!instant) {
        setError('Choose the date and time to be reminded at.');
        return;
      }
      added = { kind: 'at', at: instant.toISOString() };
    }
    const result = addReminder(reminders ?? [], added);
    setError(result.error);
    if (!result.error) onChange(result.reminders);
  }

  return (
    <fieldset className="reminder-editor">
      <legend className="field-label">Reminders</legend>
      {reminders === null ? (
        <p className="reminder-note">With a due time, your default reminder from Settings.</p>
      ) : reminders.length === 0 ? (
        <p className="reminder-note">No reminders.</p>
      ) : (
        <ul className="reminder-list">
          {reminders.map((reminder) => {
            const text = describeReminder(reminder, now, timeZone);
            const fires = fireTime(reminder, dueAt, now, completed);
            return (
              <li key={reminderKey(reminder)} className="reminder-row">
                <span>{text}</span>
                <span className="reminder-fires">
                  {'at' in fires
                    ? `Fires ${describeDue(fires.at, now, timeZone).text}`
                    : `Will not fire: ${fires.reason.toLowerCase()}`}
                </span>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={`Remove reminder: ${text}`}
                  onClick={() => onChange(reminders.filter((other) => other !== reminder))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="reminder-add">
        <label htmlFor={id('kind')} className="visually-hidden">
          New reminder
        </label>
        <select
          id={id('kind')}
          className="input select"
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
        >
          {KIND_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {kind === 'before' ? (
          <select
            id={id('before')}
            aria-label="How long before"
            className="input select"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          >
            {BEFORE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : null}
        {kind === 'at' ? (
          <input
            id={id('at')}
            type="datetime-local"
            aria-label="Remind at"
            className="input"
            value={at}
            onChange={(event) => setAt(event.target.value)}
          />
        ) : null}
        <button type="button" className="button button-ghost button-small" onClick={add}>
          Add reminder
        </button>
      </div>
      <FieldError fieldId={id('kind')}>{error}</FieldError>
    </fieldset>
  );
}
