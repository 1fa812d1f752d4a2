'use client';

import type { RowTask } from '@/lib/tasks/row-task';
import { Modal } from '../ui/modal';

/** A question the list asks before changing a parent task. */
export type PendingQuestion =
  | { kind: 'complete'; task: RowTask; open: number }
  | { kind: 'delete'; task: RowTask; subtasks: RowTask[]; count: number };

const subtasksText = (count: number, open = '') =>
  `${count} ${open}${count === 1 ? 'subtask' : 'subtasks'}`;

/**
 * Completing a parent with open subtasks asks whether to complete them too; deleting a parent
 * names how many subtasks go with it (Undo brings them all back).
 */
export function TaskQuestion({
  question,
  onClose,
  onComplete,
  onDelete,
}: {
  question: PendingQuestion;
  onClose: () => void;
  onComplete: (task: RowTask, withSubtasks: boolean) => void;
  onDelete: (task: RowTask, subtasks: RowTask[]) => void;
}) {
  const answer = (act: () => void) => () => {
    onClose();
    act();
  };
  const { task } = question;
  if (question.kind === 'complete') {
    return (
      <Modal
        title={`Complete ${subtasksText(question.open, 'open ')} too?`}
        description={`“${task.title}” has ${subtasksText(question.open, 'open ')}.`}
        onClose={onClose}
      >
        <div className="modal-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={answer(() => onComplete(task, false))}
          >
            Only this task
          </button>
          <button
            type="button"
            className="button button-primary"
            data-autofocus
            onClick={answer(() => onComplete(task, true))}
          >
            Complete all
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal
      title={`Delete “${task.title}” and its ${subtasksText(question.count)}?`}
      description="You can undo this for a few seconds after."
      onClose={onClose}
    >
      <div className="modal-actions">
        <button type="button" className="button button-ghost" data-autofocus onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={answer(() => onDelete(task, question.subtasks))}
        >
          Delete all
        </button>
      </div>
    </Modal>
  );
}
