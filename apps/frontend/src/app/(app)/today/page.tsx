import type { Metadata } from 'next';
import { TasksPage } from '@/components/tasks/tasks-page';
import { requireSession } from '@/lib/auth/require-session';
import { todayQuery } from '@/lib/tasks/views';

export const metadata: Metadata = { title: 'Today' };

export default async function TodayPage() {
  const session = await requireSession('/today');
  return (
    <TasksPage session={session} view={{ kind: 'today', title: 'Today', query: todayQuery }} />
  );
}
