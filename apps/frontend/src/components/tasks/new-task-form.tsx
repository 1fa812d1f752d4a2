'use client';

import { type FormEvent, useRef, useState } from 'react';
import { emptyDraft, type TaskDraft } from '@/lib/tasks/draft';
import type { OptimisticChange } from '@/lib/tasks/optimistic';
import { NO_DEFAULTS, type QuickAddDefaults } from '@/lib/tasks/quick-add';
import type { TaskActionResult } from './actions';
import { QUICK_ADD_INPUT_ID, QuickAddField } from './quick-add-field';
import { TaskFields } from './task-fields';
import { useQuickAdd } from './use-quick-add';

export { QUICK_ADD_INPUT_ID };

/** Fields of "More options": an error in one opens them. */
const DETAIL_ERROR = /^(description|priority|due|repeat|tags)/;

/**
 * Adds a task: one quick-add line, and "More options" for the detailed fields. A refusal or an
 * outage shows a message and keeps everything typed for another try.
 */
export function NewTaskForm({
  timeZone,
  suggestions,
  defaults = NO_DEFAULTS,
  onOptimistic,
  onOutcome,
}: {
  timeZone: string;
  suggestions: string[];
  /** What the view adds when the line names none: its project, today in Today. */
  defaults?: QuickAddDefaults;
  onOptimistic: (change: OptimisticChange) => void;
  onOutcome: (result: TaskActionResult<unknown>) => void;
}) {
  // null until the person changes a detail: a blank form follows the page's zone, a started
  // draft keeps the zone it was started in.
  const [started, setDetails] = useState<TaskDraft | null>(null);
  const details = started ?? emptyDraft(timeZone);
  const [moreOptions, setMoreOptions] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const quickAdd = useQuickAdd({
    timeZone: details.timeZone,
    defaults,
    formRef,
    onOptimistic,
    onOutcome,
  });
  const { errors } = quickAdd;
  // A detail the checks refused is shown, whether or not the person had opened the details.
  const detailsShown = moreOptions || Object.keys(errors).some((field) => DETAIL_ERROR.test(field));

  function submit(event: FormEvent) {
    event.preventDefault();
    const submitted = details;
    quickAdd.submit(details, () =>
      setDetails((current) => (current === submitted ? null : current)),
    );
  }

  return (
    <form
      ref={formRef}
      className="card new-task"
      aria-labelledby="new-task-heading"
      noValidate
      onSubmit={submit}
    >
      <h2 id="new-task-heading" className="card-title">
        New task
      </h2>
      <QuickAddField
        id={QUICK_ADD_INPUT_ID}
        label="Title"
        text={quickAdd.text}
        parsed={quickAdd.parsed}
        projects={quickAdd.projects}
        message={quickAdd.message}
        error={errors.title}
        placeholder="Pay rent tomorrow 9am every month p1 #Home @bills"
        onTextChange={quickAdd.setText}
        onFocus={quickAdd.loadParser}
      />
      <button
        type="button"
        className="button button-ghost button-small more-options-toggle"
        aria-expanded={detailsShown}
        aria-controls="new-task-details"
        onClick={() => setMoreOptions(!detailsShown)}
      >
        {detailsShown ? 'Fewer options' : 'More options'}
      </button>
      <div id="new-task-details" className="new-task-details" hidden={!detailsShown}>
        <TaskFields
          idPrefix="new-task"
          draft={details}
          errors={errors}
          suggestions={suggestions}
          withTitle={false}
          onChange={setDetails}
        />
        <p className="field-hint">What the title line says wins over these fields.</p>
      </div>
      <div className="form-actions">
        <span className="field-hint">
          <kbd>N</kbd> new task · <kbd>/</kbd> search · <kbd>Enter</kbd> add
        </span>
        <button type="submit" className="button button-primary" disabled={quickAdd.busy}>
          {quickAdd.busy ? 'Adding…' : 'Add task'}
        </button>
      </div>
    </form>
  );
}
