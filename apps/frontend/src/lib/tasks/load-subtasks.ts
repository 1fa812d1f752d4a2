import 'server-only';
import { TASK_LIMITS, type Task } from '@todo/contract';
import type { BackendClient } from '@/lib/backend/client';

/** Subtasks the list shows beneath one page: pages of the backend's maximum, at most this many. */
const MAX_PAGES = 5;

/**
 * The subtasks of the listed tasks that have any, in one call per 100 (the page holds at most
 * 100 parents, so usually one call), done and open alike so the progress counts them all. A
 * failure leaves the rows with the backend's counts instead of failing the page.
 */
export async function loadSubtasks(
  backend: BackendClient,
  tasks: readonly Task[],
): Promise<Task[]> {
  const parents = tasks.filter((task) => task.subtask_count > 0).map((task) => task.id);
  if (parents.length === 0) return [];
  const found: Task[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await backend.listTasks({
      parent: parents.slice(0, TASK_LIMITS.pageMax),
      status: 'all',
      sort: 'created',
      order: 'asc',
      limit: TASK_LIMITS.pageMax,
      offset: page * TASK_LIMITS.pageMax,
    });
    if (!result.ok) break;
    found.push(...result.data.items);
    if (result.data.next_offset === null) break;
  }
  return found;
}
