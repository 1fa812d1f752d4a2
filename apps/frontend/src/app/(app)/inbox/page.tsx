import type { Metadata } from 'next';
import { TasksPage } from '@/components/tasks/tasks-page';
import { requireSession } from '@/lib/auth/require-session';
import { loadProjects } from '@/lib/backend/per-request';
import { projectQuery } from '@/lib/tasks/views';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const session = await requireSession('/inbox');
  const { active } = await loadProjects(session.user.id);
  const inbox = active.ok ? active.data.items.find((project) => project.is_inbox) : undefined;
  // Without the project list the Inbox's id is unknown: the view shows the outage.
  return (
    <TasksPage
      session={session}
      view={{
        kind: 'inbox',
        title: 'Inbox',
        projectId: inbox?.id,
        query: () => (inbox ? projectQuery(inbox.id) : null),
      }}
    />
  );
}
