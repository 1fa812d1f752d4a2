import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { vi } from 'vitest';

/** What the mocked router saw, and the path the components believe they are on. */
export const navigation = {
  pathname: '/',
  push: vi.fn(),
  refresh: vi.fn(),
};

/** `next/navigation` outside Next: the path is `navigation.pathname`, pushes are recorded. */
export const nextNavigation = () => ({
  usePathname: () => navigation.pathname,
  useSearchParams: () => new URLSearchParams(),
  useRouter: () => ({
    push: navigation.push,
    replace: navigation.push,
    refresh: navigation.refresh,
  }),
});

/** `next/link` outside Next: a plain anchor. */
export const nextLink = () => ({
  default: ({
    href,
    children,
    prefetch: _prefetch,
    replace: _replace,
    scroll: _scroll,
    ...rest
  }: AnchorHTMLAttributes<HTMLAnchorElement> & {
    href: string;
    children: ReactNode;
    prefetch?: boolean;
    replace?: boolean;
    scroll?: boolean;
  }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
});
