import 'server-only';
import { cache } from 'react';
import { backendFor } from '@/lib/backend/client';

/**
 * Reads the layout and a page both need, made once per request: the sidebar's projects and
 * tags, and a page's Inbox id or tag suggestions, share one call each.
 */
export const loadProjects = cache(async (userId: string) => {
  const backend = backendFor(userId);
  const [active, archived] = await Promise.all([
    backend.listProjects(),
    backend.listProjects({ archived: true }),
  ]);
  return { active, archived };
});

export const loadTags = cache((userId: string) => backendFor(userId).listTags());
