import type { Task } from '@todo/contract';

/** A complete task as the backend answers it; tests name only the fields they care about. */
export function taskFixture(overrides: Partial<Task> = {}): Task {
  return {
    id: 1,
    user_id: 'user-1',
    title: 'Buy milk',
    description: null,
    completed: false,
    completed_at: null,
    priority: 'medium',
    tags: [],
    due_at: null,
    recurrence: 'none',
    repeat: null,
    time_zone: 'UTC',
    project_id: 1,
    parent_id: null,
    subtask_count: 0,
    completed_subtask_count: 0,
    reminders: [],
    next_occurrence_id: null,
    created_at: '2025-06-01T10:00:00.000Z',
    updated_at: '2025-06-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
