'use client';

import { useEffect, useRef } from 'react';
import { emptyDraft } from '@/lib/tasks/draft';
import type { OptimisticChange } from '@/lib/tasks/optimistic';
import { NO_DEFAULTS } from '@/lib/tasks/quick-add';
import type { RowTask } from '@/lib/tasks/row-task';
import type { TaskActionResult } from './actions';
import { QuickAddField } from './quick-add-field';
import { useQuickAdd } from './use-quick-add';

/**
 * Adds subtasks to a task, one line at a time, read by quick add like the new-task form. It stays
 * open after each, for the next; Escape or Cancel closes it.
 */
export function SubtaskForm({
  parent,
  timeZone,
  onOptimistic,
  onOutcome,
  onClose,
}: {
  parent: RowTask;
  timeZone: string;
  onOptimistic: (change: OptimisticChange) => void;
  onOutcome: (result: TaskActionResult<unknown>) => void;
  onClose: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const quickAdd = useQuickAdd({
    timeZone,
    defaults: NO_DEFAULTS,
    parentId: parent.id,
    formRef,
    onOptimistic,
    onOutcome,
  });
  useEffect(() => inputRef.current?.focus(), []);
  const id = `subtask-${parent.id}`;

  return (
    <form
      ref={formRef}
      className="subtask-form"
      aria-label={`New subtask of “${parent.title}”`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        quickAdd.submit(emptyDraft(timeZone), () => inputRef.current?.focus());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <QuickAddField
        id={id}
        label="Subtask"
        text={quickAdd.text}
        parsed={quickAdd.parsed}
        projects={quickAdd.projects}
        message={quickAdd.message}
        error={quickAdd.errors.title ?? quickAdd.errors.due ?? quickAdd.errors.tags}
        placeholder="Book flights friday p2"
        inputRef={inputRef}
        onTextChange={quickAdd.setText}
        onFocus={quickAdd.loadParser}
      />
      <div className="form-actions">
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          Done adding
        </button>
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={quickAdd.busy}
        >
          Add subtask
        </button>
      </div>
    </form>
  );
}
