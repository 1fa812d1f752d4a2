'use client';

import { PROJECT_LIMITS, type Project } from '@todo/contract';
import { type FormEvent, useState, useTransition } from 'react';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { Modal } from '@/components/ui/modal';
import { ModalActions } from '@/components/ui/modal-actions';
import { useToast } from '@/components/ui/toaster';
import { COLOR_OPTIONS } from '@/lib/projects/colors';
import {
  type ProjectDraft,
  type ProjectDraftErrors,
  validateProjectDraft,
} from '@/lib/projects/draft';
import { createProjectAction, editProjectAction } from './actions';
import { ProjectDot } from './project-dot';

/**
 * Creates a project, or renames and recolours one. What was typed stays in the dialog until the
 * backend has it; a refusal (a name already used) shows in words beside the field.
 */
export function ProjectDialog({ project, onClose }: { project?: Project; onClose: () => void }) {
  const [draft, setDraft] = useState<ProjectDraft>({
    name: project?.name ?? '',
    color: project?.color ?? 'blue',
  });
  const [errors, setErrors] = useState<ProjectDraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const checked = validateProjectDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    startTransition(async () => {
      const result = project
        ? await editProjectAction(project.id, project.version, draft)
        : await createProjectAction(draft);
      if (result.ok) {
        toast({
          tone: 'success',
          message: project ? `Saved “${result.data.name}”` : `Created “${result.data.name}”`,
        });
        onClose();
        return;
      }
      setErrors(result.errors);
      // A refusal about the name (already used) belongs beside the name.
      if (result.reason === 'refused' && !result.errors.name) setErrors({ name: result.message });
      else setMessage(result.message);
    });
  }

  const nameError = errors.name;
  return (
    <Modal title={project ? `Edit “${project.name}”` : 'Add project'} onClose={onClose}>
      <form className="modal-form" onSubmit={submit} noValidate aria-busy={pending || undefined}>
        <div className="field">
          <label htmlFor="project-name" className="field-label">
            Name
          </label>
          <input
            id="project-name"
            className="input"
            value={draft.name}
            maxLength={PROJECT_LIMITS.nameMax + 20}
            autoComplete="off"
            required
            data-autofocus
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? fieldErrorId('project-name') : undefined}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
          <FieldError fieldId="project-name">{nameError}</FieldError>
        </div>
        <fieldset className="field color-field">
          <legend className="field-label">Colour</legend>
          <div className="color-options">
            {COLOR_OPTIONS.map(({ value, label }) => (
              <label key={value} className="color-option">
                <input
                  type="radio"
                  name="project-color"
                  value={value}
                  checked={draft.color === value}
                  onChange={() => setDraft({ ...draft, color: value })}
                />
                <ProjectDot color={value} />
                {label}
              </label>
            ))}
          </div>
          <FieldError fieldId="project-color">{errors.color}</FieldError>
        </fieldset>
        <ModalActions message={message} onCancel={onClose} pending={pending}>
          {project ? 'Save' : 'Add project'}
        </ModalActions>
      </form>
    </Modal>
  );
}
