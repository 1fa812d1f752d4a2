import type { Metadata } from 'next';
import { TasksPage } from '@/components/tasks/tasks-page';
import { requireSession } from '@/lib/auth/require-session';
import { upcomingQuery } from '@/lib/tasks/views';

export const metadata: Metadata = { title: 'Upcoming' };

export default async function UpcomingPage() {
  const session = await requireSession('/upcoming');
  return (
    <TasksPage
      session={session}
      view={{ kind: 'upcoming', title: 'Upcoming', query: upcomingQuery }}
    />
  );
}
