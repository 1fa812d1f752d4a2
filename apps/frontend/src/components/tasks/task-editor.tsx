'use client';

import { type FormEvent, useEffect, useRef } from 'react';
import type { DraftErrors, TaskDraft } from '@/lib/task-draft';
import { TaskFields } from './task-fields';

export interface EditState {
  id: number;
  draft: TaskDraft;
  errors: DraftErrors;
  message?: string | undefined;
}

/** Inline editor of one task: Enter in a field saves, Escape cancels. */
export function TaskEditor({
  state,
  suggestions,
  onChange,
  onSave,
  onCancel,
}: {
  state: EditState;
  suggestions: string[];
  onChange: (draft: TaskDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  return (
    <form
      className="task-editor"
      aria-label="Edit task"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSave();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {state.message ? (
        <p className="form-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <TaskFields
        idPrefix={`edit-${state.id}`}
        draft={state.draft}
        errors={state.errors}
        suggestions={suggestions}
        titleRef={titleRef}
        onChange={onChange}
      />
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Save
        </button>
      </div>
    </form>
  );
}
