'use client';

import { type ReactNode, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useFocusTrap } from './use-focus-trap';

/**
 * A modal dialog: a titled card over a backdrop. Escape, the backdrop and `onClose` close it,
 * focus moves in and back (useFocusTrap). Opened by a person, so never rendered on the server.
 */
export function Modal({
  title,
  onClose,
  children,
  description,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  description?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useFocusTrap(ref, true, onClose);
  // On the body: a drawer's transform would otherwise pin the fixed layer inside the drawer.
  return createPortal(
    <div className="modal-layer">
      <div className="modal-backdrop" aria-hidden="true" onClick={onClose} />
      <div
        ref={ref}
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {description ? (
          <p id={descriptionId} className="modal-description">
            {description}
          </p>
        ) : null}
        {children}
      </div>
    </div>,
    document.body,
  );
}
