import type { Metadata } from 'next';
import { Landing } from '@/components/layout/landing';
import { TasksPage } from '@/components/tasks/tasks-page';
import { getSession } from '@/lib/auth/session';
import { parseFilters } from '@/lib/tasks/filters';

export const metadata: Metadata = { title: 'Todo — your tasks' };

/** The probe path: 200 for everyone, the landing page for visitors and all tasks for users. */
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await getSession();
  if (!session) return <Landing />;
  return (
    <TasksPage
      session={session}
      view={{ kind: 'all', title: 'All tasks' }}
      filters={parseFilters(await searchParams)}
    />
  );
}
