'use client';

import type { TagCount } from '@todo/contract';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { LiveUpdates } from '@/components/live/live-updates';
import { type ProjectLists, ProjectsProvider } from '@/components/projects/projects-context';
import { InstallBanner } from '@/components/pwa/install-banner';
import { OfflineBanner } from '@/components/pwa/offline-banner';
import { QUICK_ADD_INPUT_ID } from '@/components/tasks/new-task-form';
import { useShortcuts } from '@/components/tasks/use-shortcuts';
import { CloseIcon, KeyboardIcon, MenuIcon } from '@/components/ui/icons';
import { ToastProvider } from '@/components/ui/toaster';
import { useFocusTrap } from '@/components/ui/use-focus-trap';
import { AppHeader } from './app-header';
import { ShortcutsHelp } from './shortcuts-help';
import { Sidebar } from './sidebar';

const MENU_BUTTON_ID = 'open-navigation';

/** Focuses (and selects) a text field by id, as the shortcuts do. */
export function focusField(id: string) {
  const element = document.getElementById(id);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    element.select();
  }
}

/**
 * The signed-in frame of every view: the header, the sidebar (a drawer on phones: the header's
 * button opens it, Escape and the backdrop close it, focus moves in and back), the shortcuts
 * that work everywhere, and the toasts.
 */
export function AppShell({
  user,
  projects,
  tags,
  children,
}: {
  user: { name: string; email: string };
  projects: ProjectLists;
  tags: TagCount[];
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [drawer, setDrawer] = useState(false);
  const [help, setHelp] = useState(false);
  const drawerRef = useRef<HTMLDivElement>(null);
  useFocusTrap(drawerRef, drawer, () => setDrawer(false));

  // A link followed in the drawer closes it (focus then goes back to the menu button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setDrawer(false), [pathname, search]);

  const shortcuts = useMemo(
    () => ({
      q: () => focusField(QUICK_ADD_INPUT_ID),
      'g t': () => router.push('/today'),
      'g u': () => router.push('/upcoming'),
      'g i': () => router.push('/inbox'),
      '?': () => setHelp(true),
    }),
    [router],
  );
  useShortcuts(shortcuts);

  return (
    <ToastProvider>
      <ProjectsProvider value={projects}>
        <AppHeader
          user={user}
          menu={
            <button
              id={MENU_BUTTON_ID}
              type="button"
              className="icon-button menu-button"
              aria-label="Open navigation"
              aria-expanded={drawer}
              aria-controls="sidebar"
              onClick={() => setDrawer(true)}
            >
              <MenuIcon width={20} height={20} />
            </button>
          }
          tools={
            <button
              type="button"
              className="icon-button"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={() => setHelp(true)}
            >
              <KeyboardIcon width={20} height={20} />
            </button>
          }
        />
        <div className="shell">
          {drawer ? (
            <div className="drawer-backdrop" aria-hidden="true" onClick={() => setDrawer(false)} />
          ) : null}
          <div
            id="sidebar"
            ref={drawerRef}
            className="sidebar"
            data-open={drawer || undefined}
            {...(drawer ? { role: 'dialog', 'aria-modal': true, 'aria-label': 'Navigation' } : {})}
            tabIndex={-1}
          >
            <button
              type="button"
              className="icon-button drawer-close"
              aria-label="Close navigation"
              onClick={() => setDrawer(false)}
            >
              <CloseIcon width={20} height={20} />
            </button>
            <Sidebar tags={tags} />
          </div>
          <main id="main" className="page page-app shell-main">
            <OfflineBanner />
            <InstallBanner />
            {children}
          </main>
        </div>
        {help ? <ShortcutsHelp onClose={() => setHelp(false)} /> : null}
        <LiveUpdates />
      </ProjectsProvider>
    </ToastProvider>
  );
}
