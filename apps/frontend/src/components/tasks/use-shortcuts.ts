'use client';

import { useEffect } from 'react';

/** How long the second key of a sequence (`g t`) may follow the first. */
export const SEQUENCE_TIMEOUT_MS = 1500;

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** True while focus is somewhere a key types text: shortcuts then stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Keyboard shortcuts that stay out of the way while the user types: single keys (`n`, `/`, `?`)
 * and two-key sequences written with a space (`g t`: g, then t within 1.5 s).
 */
export function useShortcuts(shortcuts: Record<string, () => void>) {
  useEffect(() => {
    let prefix = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const combo = prefix ? `${prefix} ${key}` : key;
      prefix = '';
      clearTimeout(timer);
      const action = shortcuts[combo];
      if (action) {
        event.preventDefault();
        action();
        return;
      }
      if (Object.keys(shortcuts).some((shortcut) => shortcut.startsWith(`${combo} `))) {
        event.preventDefault();
        prefix = combo;
        timer = setTimeout(() => {
          prefix = '';
        }, SEQUENCE_TIMEOUT_MS);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [shortcuts]);
}
