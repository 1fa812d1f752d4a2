'use client';

import { useEffect, useState } from 'react';

/** Chromium's install prompt event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const INSTALL_OFFERED_KEY = 'todo.install-offered';

/**
 * Offers installing the app once: when the browser says it can be installed, a small banner;
 * Install or Not now, and it is never offered again on this browser.
 */
export function InstallBanner() {
  const [prompt, setPrompt] = useState<BeforeInstallPromptEvent | null>(null);

  useEffect(() => {
    const onPrompt = (event: Event) => {
      // Without preventDefault the browser may show its own mini-infobar as well.
      event.preventDefault();
      if (localStorage.getItem(INSTALL_OFFERED_KEY)) return;
      setPrompt(event as BeforeInstallPromptEvent);
    };
    window.addEventListener('beforeinstallprompt', onPrompt);
    return () => window.removeEventListener('beforeinstallprompt', onPrompt);
  }, []);

  if (!prompt) return null;
  const close = () => {
    localStorage.setItem(INSTALL_OFFERED_KEY, new Date().toISOString());
    setPrompt(null);
  };
  return (
    <section className="install-banner" aria-label="Install the app">
      <p>Install Todo for reminders in their own window and quick start from your home screen.</p>
      <div className="install-actions">
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => {
            close();
            void prompt.prompt().catch(() => undefined);
          }}
        >
          Install
        </button>
        <button type="button" className="button button-ghost button-small" onClick={close}>
          Not now
        </button>
      </div>
    </section>
  );
}
