'use client';

import type { Project } from '@todo/contract';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { Modal } from '@/components/ui/modal';
import { ModalActions } from '@/components/ui/modal-actions';
import { useToast } from '@/components/ui/toaster';
import { deleteProjectAction } from './actions';

const tasksWord = (count: number) => `${count} open ${count === 1 ? 'task' : 'tasks'}`;

/**
 * Asks what happens to a project's tasks — deleted with it, or moved to another project first —
 * then does it. The Inbox is the first place offered to move them.
 */
export function DeleteProjectDialog({
  project,
  others,
  viewing,
  onClose,
}: {
  project: Project;
  /** The projects its tasks can move to (active ones, the Inbox first). */
  others: Project[];
  /** True when the page shows this project: after deleting it, go to where its tasks went. */
  viewing: boolean;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState<'delete' | 'move'>(
    project.open_count > 0 ? 'move' : 'delete',
  );
  const [target, setTarget] = useState<number | null>(others[0]?.id ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const moveTo = choice === 'move' ? target : null;
    if (choice === 'move' && moveTo === null) {
      setMessage('Choose the project its tasks go to.');
      return;
    }
    startTransition(async () => {
      const result = await deleteProjectAction(project.id, project.version, moveTo);
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      const destination = others.find((other) => other.id === moveTo);
      toast({
        tone: 'success',
        message: destination
          ? `Deleted “${project.name}”; its tasks are in “${destination.name}”`
          : `Deleted “${project.name}” and its tasks`,
      });
      onClose();
      if (viewing) router.push(destination ? `/projects/${destination.id}` : '/');
    });
  }

  return (
    <Modal
      title={`Delete “${project.name}”?`}
      description={`It has ${tasksWord(project.open_count)}. Choose what happens to its tasks.`}
      onClose={onClose}
    >
      <form className="modal-form" onSubmit={submit} aria-busy={pending || undefined}>
        <fieldset className="field delete-choices">
          <legend className="visually-hidden">Its tasks</legend>
          <label className="choice">
            <input
              type="radio"
              name="delete-choice"
              checked={choice === 'move'}
              disabled={others.length === 0}
              onChange={() => setChoice('move')}
            />
            Move its tasks to another project, then delete it
          </label>
          <div className="choice-detail">
            <label htmlFor="move-tasks-to" className="compact-label">
              Move to
            </label>
            <select
              id="move-tasks-to"
              className="input select"
              value={target ?? ''}
              disabled={choice !== 'move'}
              onChange={(event) => setTarget(Number(event.target.value) || null)}
            >
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
          </div>
          <label className="choice">
            <input
              type="radio"
              name="delete-choice"
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
            />
            Delete the project and its tasks (completed ones too)
          </label>
        </fieldset>
        <ModalActions message={message} onCancel={onClose} pending={pending} danger focusCancel>
          {choice === 'move'
            ? 'Move tasks and delete'
            : `Delete project and ${tasksWord(project.open_count)}`}
        </ModalActions>
      </form>
    </Modal>
  );
}
