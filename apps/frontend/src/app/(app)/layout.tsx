import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { getSession } from '@/lib/auth/session';
import { loadProjects, loadTags } from '@/lib/backend/per-request';

/**
 * The frame of every signed-in view: header and sidebar, its projects and tags loaded while the
 * page loads its list. A visitor gets the page alone (the landing, or the way to sign in).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) return children;
  const [projects, tags] = await Promise.all([
    loadProjects(session.user.id),
    loadTags(session.user.id),
  ]);
  return (
    <AppShell
      user={{ name: session.user.name, email: session.user.email }}
      projects={{
        active: projects.active.ok ? projects.active.data.items : [],
        archived: projects.archived.ok ? projects.archived.data.items : [],
        unavailable: !projects.active.ok,
      }}
      tags={tags.ok ? tags.data.items : []}
    >
      {children}
    </AppShell>
  );
}
