'use client';

import Link from 'next/link';

/** Any unexpected failure: a plain explanation and a retry, never a stack trace. */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="page page-auth">
      <div className="card error-card" role="alert">
        <h1 className="auth-title">Something went wrong</h1>
        <p className="auth-subtitle">
          The page could not be loaded, most likely because a service is briefly unavailable.
          Nothing you saved is lost.
        </p>
        <div className="hero-actions">
          <button type="button" className="button button-primary" onClick={() => retry()}>
            Try again
          </button>
          <Link href="/" className="button button-ghost">
            Go to the start page
          </Link>
        </div>
      </div>
    </main>
  );
}
