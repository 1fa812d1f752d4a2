'use client';

import { TASK_LIMITS } from '@todo/contract';
import type { Ref } from 'react';
import { describedBy, Field } from '@/components/ui/field-error';
import type { DraftErrors, TaskDraft } from '@/lib/tasks/draft';
import { optionValue, PRIORITY_OPTIONS } from '@/lib/tasks/options';
import { ReminderEditor } from './reminder-editor';
import { RepeatEditor } from './repeat-editor';
import { TagInput } from './tag-input';

/** The fields of a task, shared by the add form and the inline editor. */
export function TaskFields({
  idPrefix,
  draft,
  errors,
  suggestions,
  titleRef,
  titleLabel = 'Title',
  withTitle = true,
  onChange,
}: {
  idPrefix: string;
  draft: TaskDraft;
  errors: DraftErrors;
  suggestions: string[];
  titleRef?: Ref<HTMLInputElement>;
  titleLabel?: string;
  /** False where quick add stands in for the title (the new-task form's "More options"). */
  withTitle?: boolean;
  onChange: (draft: TaskDraft) => void;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof TaskDraft>(key: K, value: TaskDraft[K]) =>
    onChange({ ...draft, [key]: value });

  return (
    <div className="task-fields">
      {withTitle ? (
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
      ) : null}
      <Field
        id={id('description')}
        label="Description (optional)"
        error={errors.description}
        className="field-wide"
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
      <Field id={id('priority')} label="Priority" error={errors.priority}>
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
      <Field id={id('due')} label="Due" error={errors.due}>
        <input
          id={id('due')}
          type="datetime-local"
          className="input"
          value={draft.due}
          {...describedBy(id('due'), errors.due)}
          onChange={(event) => set('due', event.target.value)}
        />
      </Field>
      <div className="field-wide">
        <RepeatEditor
          idPrefix={idPrefix}
          repeat={draft.repeat}
          timeZone={draft.timeZone}
          errors={errors}
          onChange={(repeat) => set('repeat', repeat)}
        />
      </div>
      <div className="field-wide">
        <ReminderEditor
          idPrefix={idPrefix}
          reminders={draft.reminders}
          due={draft.due}
          timeZone={draft.timeZone}
          onChange={(reminders) => set('reminders', reminders)}
        />
      </div>
      <Field id={id('tags')} label="Tags" error={undefined} className="field-wide">
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
