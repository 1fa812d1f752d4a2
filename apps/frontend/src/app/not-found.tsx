import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="page page-auth">
      <div className="card error-card">
        <h1 className="auth-title">Page not found</h1>
        <p className="auth-subtitle">There is nothing at this address.</p>
        <Link href="/" className="button button-primary">
          Go to your tasks
        </Link>
      </div>
    </main>
  );
}
