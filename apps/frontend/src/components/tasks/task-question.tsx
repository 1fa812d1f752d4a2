'use client';

import type { Task } from '@todo/contract';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** A question the list asks before changing a parent task. */
export type PendingQuestion =
  | { kind: 'complete'; task: Task; open: number }
  | { kind: 'delete'; task: Task; subtasks: Task[]; count: number };

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
  onComplete: (task: Task, withSubtasks: boolean) => void;
  onDelete: (task: Task, subtasks: Task[]) => void;
}) {
  const answer = (act: () => void) => () => {
    onClose();
    act();
  };
  const { task } = question;
  if (question.kind === 'complete') {
    return (
      <ConfirmDialog
        title={`Complete ${subtasksText(question.open, 'open ')} too?`}
        choices={[
          {
            label: 'Complete all',
            tone: 'primary',
            onChoose: answer(() => onComplete(task, true)),
          },
          { label: 'Only this task', onChoose: answer(() => onComplete(task, false)) },
        ]}
        onCancel={onClose}
      >
        <p>
          “{task.title}” has {subtasksText(question.open, 'open ')}.
        </p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={`Delete “${task.title}” and its ${subtasksText(question.count)}?`}
      choices={[
        {
          label: 'Delete all',
          tone: 'danger',
          onChoose: answer(() => onDelete(task, question.subtasks)),
        },
      ]}
      onCancel={onClose}
    >
      <p>You can undo this for a few seconds after.</p>
    </ConfirmDialog>
  );
}
