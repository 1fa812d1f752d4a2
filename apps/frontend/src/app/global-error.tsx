'use client';

import './globals.css';

/** Last resort when even the root layout fails: a plain page, never a stack trace. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page page-auth">
          <div className="card error-card" role="alert">
            <h1 className="auth-title">Something went wrong</h1>
            <p className="auth-subtitle">
              The app could not be loaded. Try again in a moment; nothing you saved is lost.
            </p>
            <button type="button" className="button button-primary" onClick={() => retry()}>
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
