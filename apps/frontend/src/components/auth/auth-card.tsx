import type { ReactNode } from 'react';
import { AppHeader } from '../layout/app-header';

export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader />
      <main id="main" className="page page-auth">
        <div className="card auth-card">
          <h1 className="auth-title">{title}</h1>
          <p className="auth-subtitle">{subtitle}</p>
          {children}
        </div>
      </main>
    </>
  );
}
