import type { Project } from '@todo/contract';

/** A complete project as the backend answers it; tests name only the fields they care about. */
export function projectFixture(overrides: Partial<Project> = {}): Project {
  return {
    id: 1,
    user_id: 'user-1',
    name: 'Inbox',
    color: 'grey',
    position: 0,
    is_inbox: true,
    archived: false,
    open_count: 0,
    created_at: '2025-06-01T10:00:00.000Z',
    updated_at: '2025-06-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
