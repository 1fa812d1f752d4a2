import type { Project } from '@todo/contract';

/**
 * The position that moves a project one place up (-1) or down (+1) among the active ones: the
 * neighbour's. null at either end; the Inbox stays first and never moves.
 */
export function neighbourPosition(projects: Project[], id: number, step: -1 | 1): number | null {
  const movable = projects.filter((project) => !project.is_inbox && !project.archived);
  const index = movable.findIndex((project) => project.id === id);
  if (index < 0) return null;
  return movable[index + step]?.position ?? null;
}
