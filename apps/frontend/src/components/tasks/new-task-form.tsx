'use client';

import { type FormEvent, useRef, useState, useTransition } from 'react';
import { type DraftErrors, emptyDraft, type TaskDraft, validateDraft } from '@/lib/tasks/draft';
import type { OptimisticChange } from '@/lib/tasks/optimistic';
import { temporaryTask } from '@/lib/tasks/optimistic';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { useToast } from '../ui/toaster';
import { createTaskAction } from './actions';
import { TaskFields } from './task-fields';

export const NEW_TASK_TITLE_ID = 'new-task-title';
const NOT_SAVED_MESSAGE =
  'Not added yet: the service did not answer. What you typed is kept — try “Add task” again in a moment.';

/**
 * Adds a task. The typed values stay in the form until the backend has the task: a refusal or
 * an outage shows a message and keeps everything for another try.
 */
export function NewTaskForm({
  timeZone,
  suggestions,
  onOptimistic,
  onOutcome,
}: {
  timeZone: string;
  suggestions: string[];
  onOptimistic: (change: OptimisticChange) => void;
  onOutcome: (result: { ok: boolean; reason?: string }) => void;
}) {
  // null until the person types: a blank form follows the page's zone, a started draft keeps
  // the zone it was started in.
  const [started, setDraft] = useState<TaskDraft | null>(null);
  const draft = started ?? emptyDraft(timeZone);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // On a phone the optional fields stay folded until the user starts a task (CSS reads this).
  const [expanded, setExpanded] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const toast = useToast();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const checked = validateDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage(null);
      focusFirstInvalid(formRef.current);
      return;
    }
    const submitted = draft;
    startTransition(async () => {
      onOptimistic({ type: 'add', task: temporaryTask(checked.body, new Date().toISOString()) });
      const result = await createTaskAction(submitted);
      onOutcome(result);
      if (result.ok) {
        setDraft((current) => (current === submitted ? null : current));
        setErrors({});
        setMessage(null);
        toast({ tone: 'success', message: `Added “${result.data.title}”` });
      } else {
        setErrors(result.errors);
        setMessage(result.reason === 'unavailable' ? NOT_SAVED_MESSAGE : result.message);
        if (Object.keys(result.errors).length > 0) focusFirstInvalid(formRef.current);
      }
    });
  }

  return (
    <form
      ref={formRef}
      className="card new-task"
      aria-labelledby="new-task-heading"
      data-expanded={expanded || started !== null}
      noValidate
      onSubmit={submit}
      onFocus={() => setExpanded(true)}
    >
      <h2 id="new-task-heading" className="card-title">
        New task
      </h2>
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      <TaskFields
        idPrefix="new-task"
        draft={draft}
        errors={errors}
        suggestions={suggestions}
        titleLabel="Title"
        onChange={(next) => {
          setDraft(next);
          if (message) setMessage(null);
        }}
      />
      <div className="form-actions">
        <span className="field-hint">
          <kbd>N</kbd> new task · <kbd>/</kbd> search · <kbd>Enter</kbd> add
        </span>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Adding…' : 'Add task'}
        </button>
      </div>
    </form>
  );
}
