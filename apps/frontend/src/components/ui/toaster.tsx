'use client';

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { CloseIcon } from './icons';

export interface ToastInput {
  message: string;
  tone?: 'info' | 'success' | 'error';
  action?: { label: string; onAction: () => void };
}

interface Toast extends ToastInput {
  id: number;
}

const ToastContext = createContext<(toast: ToastInput) => void>(() => {});

/** Shows a short message at the bottom of the screen; errors are announced assertively. */
export function useToast() {
  return useContext(ToastContext);
}

const DURATION_MS = 7000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      nextId.current += 1;
      const id = nextId.current;
      setToasts((current) => [...current.slice(-2), { ...input, id }]);
      setTimeout(() => dismiss(id), input.action ? DURATION_MS + 3000 : DURATION_MS);
    },
    [dismiss],
  );

  const render = (tone: 'polite' | 'assertive') =>
    toasts
      .filter((toast) => (toast.tone === 'error') === (tone === 'assertive'))
      .map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone ?? 'info'}`}>
          <span className="toast-message">{toast.message}</span>
          {toast.action ? (
            <button
              type="button"
              className="button button-small button-inverse"
              onClick={() => {
                toast.action?.onAction();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button toast-close"
            aria-label="Dismiss notification"
            onClick={() => dismiss(toast.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ));

  return (
    <ToastContext.Provider value={show}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div role="status" aria-live="polite" className="toast-stack">
          {render('polite')}
        </div>
        <div role="alert" aria-live="assertive" className="toast-stack">
          {render('assertive')}
        </div>
      </section>
    </ToastContext.Provider>
  );
}
