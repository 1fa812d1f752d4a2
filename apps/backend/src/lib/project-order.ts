/** What a project's place in its user's order depends on. */
export interface Placed {
  id: number;
  isInbox: boolean;
  archived: boolean;
}

/** The positions a project may take: indexes into the order of the others, both ends included. */
export interface PlaceRange {
  first: number;
  last: number;
}

// The Inbox first, then the active projects, then the archived ones: so the sidebar's list and
// the archive's list each have contiguous positions, and all of them are 0..n-1.
const groupOf = (project: Placed) => (project.isInbox ? 0 : project.archived ? 2 : 1);

/** The projects other than `id`, in their groups; a stable sort keeps each group's order. */
const othersInOrder = (order: readonly Placed[], id: number) =>
  order.filter((project) => project.id !== id).sort((a, b) => groupOf(a) - groupOf(b));

/** The ids in their order once project `id` is gone: the others close up. */
export const withoutProject = (order: readonly Placed[], id: number) =>
  othersInOrder(order, id).map((project) => project.id);

/**
 * The user's projects in their new order once `moving` (a new project, or a changed one) takes
 * `position`. Without a position a project keeps its place while it stays in its group; a new
 * one goes to the end of the active ones, an archived one to the end, an unarchived one to the
 * end of the active ones. A position outside the project's group answers that group's range.
 */
export function placeProject(
  order: readonly Placed[],
  moving: Placed,
  position?: number,
): { ids: number[] } | { range: PlaceRange } {
  const group = groupOf(moving);
  const others = othersInOrder(order, moving.id);
  const range = {
    first: others.filter((project) => groupOf(project) < group).length,
    last: others.filter((project) => groupOf(project) <= group).length,
  };
  let index = range.last;
  if (position !== undefined) {
    if (position < range.first || position > range.last) return { range };
    index = position;
  } else {
    const at = order.findIndex((project) => project.id === moving.id);
    const previous = order[at];
    if (previous && groupOf(previous) === group) {
      const before = new Set(order.slice(0, at).map((project) => project.id));
      const kept = others.filter((project) => before.has(project.id)).length;
      index = Math.min(Math.max(kept, range.first), range.last);
    }
  }
  const ids = others.map((project) => project.id);
  ids.splice(index, 0, moving.id);
  return { ids };
}
