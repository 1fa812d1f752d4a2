'use client';

import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * While `active`: focus moves into `container` (its `[data-autofocus]` element, else the first
 * control), Tab cycles inside it, Escape calls `onClose`; when it ends, focus goes back to where
 * it was. The drawer and every dialog share it.
 */
export function useFocusTrap(
  container: RefObject<HTMLElement | null>,
  active: boolean,
  onClose: () => void,
) {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const element = container.current;
    if (!active || !element) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = element.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(element)[0];
    (first ?? element).focus();

    function onKeyDown(event: KeyboardEvent) {
      if (!element) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      event.stopPropagation();
      const controls = focusables(element);
      const head = controls[0];
      const tail = controls[controls.length - 1];
      if (!head || !tail) return;
      if (event.shiftKey && document.activeElement === head) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && document.activeElement === tail) {
        event.preventDefault();
        head.focus();
      }
    }
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      // Back where the person was, unless they moved on to something else meanwhile.
      if (previous?.isConnected) previous.focus();
    };
  }, [active, container]);
}
