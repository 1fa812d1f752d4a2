'use client';

import { TASK_LIMITS } from '@todo/contract';
import type { ReactNode, Ref } from 'react';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import type { DraftErrors, TaskDraft } from '@/lib/tasks/draft';
import { optionValue, PRIORITY_OPTIONS, RECURRENCE_OPTIONS } from '@/lib/tasks/options';
import { TagInput } from './tag-input';

function Field({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      <FieldError fieldId={id}>{error}</FieldError>
    </div>
  );
}

const describedBy = (id: string, error: string | undefined) =>
  error ? { 'aria-describedby': fieldErrorId(id), 'aria-invalid': true as const } : {};

/** The fields of a task, shared by the add form and the inline editor. */
export function TaskFields({
  idPrefix,
  draft,
  errors,
  suggestions,
  titleRef,
  titleLabel = 'Title',
  onChange,
}: {
  idPrefix: string;
  draft: TaskDraft;
  errors: DraftErrors;
  suggestions: string[];
  titleRef?: Ref<HTMLInputElement>;
  titleLabel?: string;
  onChange: (draft: TaskDraft) => void;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof TaskDraft>(key: K, value: TaskDraft[K]) =>
    onChange({ ...draft, [key]: value });

  return (
    <div className="task-fields">
      <Field id={id('title')} label={titleLabel} error={errors.title} className="field-wide">
        <input
          id={id('title')}
          ref={titleRef}
          className="input input-title"
          value={draft.title}
          maxLength={TASK_LIMITS.titleMax + 50}
          placeholder="What needs doing?"
          autoComplete="off"
          required
          {...describedBy(id('title'), errors.title)}
          onChange={(event) => set('title', event.target.value)}
        />
      </Field>
      <Field
        id={id('description')}
        label="Description (optional)"
        error={errors.description}
        className="field-wide field-optional"
      >
        <textarea
          id={id('description')}
          className="input textarea"
          rows={2}
          value={draft.description}
          placeholder="Details, links, notes"
          {...describedBy(id('description'), errors.description)}
          onChange={(event) => set('description', event.target.value)}
        />
      </Field>
      <Field
        id={id('priority')}
        label="Priority"
        error={errors.priority}
        className="field-optional"
      >
        <select
          id={id('priority')}
          className="input select"
          value={draft.priority}
          onChange={(event) => {
            const value = optionValue(PRIORITY_OPTIONS, event.target.value);
            if (value) set('priority', value);
          }}
        >
          {PRIORITY_OPTIONS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('due')} label="Due" error={errors.due} className="field-optional">
        <input
          id={id('due')}
          type="datetime-local"
          className="input"
          value={draft.due}
          {...describedBy(id('due'), errors.due)}
          onChange={(event) => set('due', event.target.value)}
        />
      </Field>
      <Field
        id={id('recurrence')}
        label="Repeat"
        error={errors.recurrence}
        className="field-optional"
      >
        <select
          id={id('recurrence')}
          className="input select"
          value={draft.recurrence}
          onChange={(event) => {
            const value = optionValue(RECURRENCE_OPTIONS, event.target.value);
            if (value) set('recurrence', value);
          }}
        >
          {RECURRENCE_OPTIONS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('tags')} label="Tags" error={undefined} className="field-wide field-optional">
        <TagInput
          id={id('tags')}
          tags={draft.tags}
          suggestions={suggestions}
          error={errors.tags}
          onChange={(tags) => set('tags', tags)}
        />
      </Field>
    </div>
  );
}
