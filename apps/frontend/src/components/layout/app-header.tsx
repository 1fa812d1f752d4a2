import Link from 'next/link';
import { SignOutButton } from '../auth/sign-out-button';
import { Logo } from './logo';

/** Top bar of every page: the brand, and who is signed in or links to sign in. */
export function AppHeader({ user }: { user?: { name: string; email: string } }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href="/" className="brand">
          <Logo />
          <span>Todo</span>
        </Link>
        <nav className="header-nav" aria-label="Account">
          {user ? (
            <>
              <span className="user-name" title={user.email}>
                {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="button button-ghost button-small">
                Sign in
              </Link>
              <Link href="/sign-up" className="button button-primary button-small">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
