import type { ReactNode } from 'react';

/** The foot of a dialog's form: a refusal in words, Cancel, and the submit button. */
export function ModalActions({
  message,
  onCancel,
  pending = false,
  danger = false,
  focusCancel = false,
  children,
}: {
  message?: string | null;
  onCancel: () => void;
  pending?: boolean;
  danger?: boolean;
  /** For a destructive dialog: Cancel, not the action, takes the first focus. */
  focusCancel?: boolean;
  /** The submit button's words. */
  children: ReactNode;
}) {
  return (
    <>
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      <div className="modal-actions">
        <button
          type="button"
          className="button button-ghost"
          onClick={onCancel}
          data-autofocus={focusCancel || undefined}
        >
          Cancel
        </button>
        <button
          type="submit"
          className={`button ${danger ? 'button-danger' : 'button-primary'}`}
          disabled={pending}
        >
          {children}
        </button>
      </div>
    </>
  );
}
