import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TasksPage } from '@/components/tasks/tasks-page';
import { requireSession } from '@/lib/auth/require-session';
import { loadProjects } from '@/lib/backend/per-request';
import { projectQuery } from '@/lib/tasks/views';

export const metadata: Metadata = { title: 'Project' };

const ID = /^[1-9][0-9]{0,9}$/;

/**
 * A project's open tasks. An id that is not a number, not there or not yours: not found. The
 * project comes from the list the layout loads at the same time (one call for both).
 */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const session = await requireSession(ID.test(raw) ? `/projects/${raw}` : '/');
  const id = ID.test(raw) ? Number(raw) : 0;
  if (id < 1 || id > 2_147_483_647) notFound();
  const { active, archived } = await loadProjects(session.user.id);
  const known = active.ok && archived.ok;
  const project = [
    ...(active.ok ? active.data.items : []),
    ...(archived.ok ? archived.data.items : []),
  ].find((candidate) => candidate.id === id);
  // Only a list that loaded can say the project is not there; an outage shows as one.
  if (known && !project) notFound();
  return (
    <TasksPage
      session={session}
      view={{
        kind: project?.is_inbox ? 'inbox' : 'project',
        title: project?.name ?? 'Project',
        projectId: id,
        query: () => projectQuery(id),
      }}
    />
  );
}
