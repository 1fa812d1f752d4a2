import type { FieldError } from '@/lib/backend/result';

/** One message per form field, keyed by the field's name. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/**
 * Maps the backend's JSON-pointer errors (`/title`, `/tags/2`) onto form fields; `fields` maps a
 * top-level property to the form field that edits it.
 */
export function fieldErrorsFrom<K extends string>(
  errors: FieldError[],
  fields: Record<string, K>,
): FieldErrors<K> {
  const result: FieldErrors<K> = {};
  for (const error of errors) {
    const property = error.path.split('/')[1] ?? '';
    const field = fields[property];
    if (field && !result[field]) result[field] = error.message;
  }
  return result;
}
