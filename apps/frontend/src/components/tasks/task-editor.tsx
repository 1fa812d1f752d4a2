'use client';

import type { Task } from '@todo/contract';
import { type FormEvent, useEffect, useRef } from 'react';
import type { DraftErrors, TaskDraft } from '@/lib/tasks/draft';
import { EditConflict } from './edit-conflict';
import { TaskFields } from './task-fields';

export interface EditState {
  id: number;
  /** The version of the task the editor was opened with: a save applies only to it. */
  version: number;
  /** The draft as opened: a save sends only what differs from it. */
  base: TaskDraft;
  draft: TaskDraft;
  errors: DraftErrors;
  message?: string | undefined;
  /** Set when a save found the task changed elsewhere: the task as it is now. */
  conflict?: Task | undefined;
}

/**
 * Inline editor of one task: Enter in a field saves, Escape cancels. After a conflict it shows
 * the other version, and saving means "keep mine".
 */
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
  const conflictRef = useRef<HTMLParagraphElement>(null);
  const conflicted = state.conflict !== undefined;
  useEffect(() => {
    (conflicted ? conflictRef : titleRef).current?.focus();
  }, [conflicted]);

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
      {state.conflict ? (
        <EditConflict
          id={`edit-${state.id}-conflict`}
          latest={state.conflict}
          draft={state.draft}
          headingRef={conflictRef}
          onKeepMine={onSave}
          onUseTheirs={onCancel}
        />
      ) : null}
      <TaskFields
        idPrefix={`edit-${state.id}`}
        draft={state.draft}
        errors={state.errors}
        suggestions={suggestions}
        titleRef={titleRef}
        onChange={onChange}
      />
      {conflicted ? null : (
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </div>
      )}
    </form>
  );
}
