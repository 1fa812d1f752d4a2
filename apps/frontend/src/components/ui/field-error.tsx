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
