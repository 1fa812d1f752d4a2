import type { ReactNode } from 'react';

/** The id of a field's error message, which its input names in aria-describedby. */
export const fieldErrorId = (fieldId: string) => `${fieldId}-error`;

/** A field's error message, rendered only when there is one. */
export function FieldError({ fieldId, children }: { fieldId: string; children?: string | null }) {
  return children ? (
    <p id={fieldErrorId(fieldId)} className="field-error">
      {children}
    </p>
  ) : null;
}

/** The attributes that tie an input to its error message, when it has one. */
export const describedBy = (id: string, error: string | undefined) =>
  error ? { 'aria-describedby': fieldErrorId(id), 'aria-invalid': true as const } : {};

/** A labelled field: the label, the control, and its error message under it. */
export function Field({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      <FieldError fieldId={id}>{error}</FieldError>
    </div>
  );
}
