import {
  type CreateProjectBody,
  PROJECT_COLORS,
  PROJECT_LIMITS,
  type ProjectColor,
} from '@todo/contract';
import type { FieldErrors } from '@/lib/forms/field-errors';

/** What the project form holds. */
export interface ProjectDraft {
  name: string;
  color: ProjectColor;
}

export type ProjectDraftErrors = FieldErrors<keyof ProjectDraft>;

/**
 * Checks a project form and turns it into the backend's body. Runs in the browser (instant
 * messages) and in the Server Action (the browser is not trusted).
 */
export function validateProjectDraft(
  draft: ProjectDraft,
):
  | { ok: true; body: Required<Pick<CreateProjectBody, 'name' | 'color'>> }
  | { ok: false; errors: ProjectDraftErrors } {
  const errors: ProjectDraftErrors = {};
  const name = typeof draft.name === 'string' ? draft.name.trim() : '';
  if (!name) errors.name = 'Give the project a name.';
  else if (name.length > PROJECT_LIMITS.nameMax) {
    errors.name = `Keep the name to ${PROJECT_LIMITS.nameMax} characters (it has ${name.length}).`;
  }
  if (!PROJECT_COLORS.includes(draft.color)) errors.color = 'Choose one of the colours.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name, color: draft.color } };
}
