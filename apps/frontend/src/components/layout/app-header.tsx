import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '../auth/sign-out-button';
import { Logo } from './logo';

/**
 * Top bar of every page: the brand, and who is signed in or links to sign in. In the app,
 * `menu` (the drawer's button on phones) comes before the brand and `tools` before the account.
 */
export function AppHeader({
  user,
  menu,
  tools,
}: {
  user?: { name: string; email: string };
  menu?: ReactNode;
  tools?: ReactNode;
}) {
  return (
    <header className={menu ? 'app-header app-header-wide' : 'app-header'}>
      <div className="app-header-inner">
        <div className="header-start">
          {menu}
          <Link href="/" className="brand">
            <Logo />
            <span>Todo</span>
          </Link>
        </div>
        <div className="header-end">
          {tools}
          <nav className="header-nav" aria-label="Account">
            {user ? (
              <>
                <span className="user-name" title={user.email}>
                  {user.name}
                </span>
                <Link href="/settings" className="button button-ghost button-small">
                  Settings
                </Link>
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
      </div>
    </header>
  );
}
