'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';
import './confirm-dialog.css';

export interface DialogChoice {
  label: string;
  tone?: 'primary' | 'danger' | 'ghost';
  onChoose: () => void;
}

/**
 * A modal question (the native dialog: focus moves in and is kept there, Escape cancels, focus
 * returns to what opened it). The first choice gets the focus; Cancel is always offered last.
 */
export function ConfirmDialog({
  title,
  children,
  choices,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  choices: DialogChoice[];
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    opener.current = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) {
        opener.current.focus();
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="confirm-title">
        {title}
      </h2>
      {children ? <div className="confirm-body">{children}</div> : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        {choices.map((choice, index) => (
          <button
            key={choice.label}
            type="button"
            className={`button button-${choice.tone ?? 'ghost'}`}
            // biome-ignore lint/a11y/noAutofocus: a modal question puts focus on its first answer
            autoFocus={index === 0}
            onClick={choice.onChoose}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
