'use client';

import type { Project } from '@todo/contract';
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/ui/modal';
import { ModalActions } from '@/components/ui/modal-actions';
import type { RowTask } from '@/lib/tasks/row-task';
import { ProjectDot } from './project-dot';

/**
 * Chooses the project a task moves to: a radio list (arrow keys walk it), the task's own project
 * marked. Enter or "Move" moves it, Escape leaves it where it is.
 */
export function MoveTaskDialog({
  task,
  projects,
  onMove,
  onClose,
}: {
  task: Pick<RowTask, 'title' | 'project_id'>;
  projects: Project[];
  onMove: (projectId: number) => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState(
    projects.find((project) => project.id !== task.project_id)?.id ?? task.project_id,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    onMove(choice);
  }

  return (
    <Modal title={`Move “${task.title}” to…`} onClose={onClose}>
      <form className="modal-form" onSubmit={submit}>
        <fieldset className="field move-choices">
          <legend className="visually-hidden">Project</legend>
          {projects.map((project) => (
            <label key={project.id} className="choice">
              <input
                type="radio"
                name="move-to"
                value={project.id}
                checked={choice === project.id}
                data-autofocus={choice === project.id || undefined}
                onChange={() => setChoice(project.id)}
              />
              <ProjectDot color={project.color} />
              {project.name}
              {project.id === task.project_id ? (
                <span className="choice-note"> (where it is now)</span>
              ) : null}
            </label>
          ))}
        </fieldset>
        <ModalActions onCancel={onClose}>Move</ModalActions>
      </form>
    </Modal>
  );
}
