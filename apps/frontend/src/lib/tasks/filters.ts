import {
  DEFAULT_SORT_ORDER,
  normalizeTags,
  PRIORITIES,
  type Priority,
  SORT_FIELDS,
  type SortField,
  type SortOrder,
  STATUSES,
  type Status,
  TASK_LIMITS,
} from '@todo/contract';

export const DUE_FILTERS = ['overdue', 'today', 'week', 'none'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** Everything that narrows or orders the list; it lives in the URL query string. */
export interface TaskFilters {
  status: Status;
  priorities: Priority[];
  tags: string[];
  q: string;
  due: DueFilter | null;
  sort: SortField;
  /** null: the natural order of the sort field (DEFAULT_SORT_ORDER). */
  order: SortOrder | null;
  page: number;
}

export const DEFAULT_FILTERS: TaskFilters = {
  status: 'all',
  priorities: [],
  tags: [],
  q: '',
  due: null,
  sort: 'created',
  order: null,
  page: 1,
};

export const PAGE_SIZE = TASK_LIMITS.pageDefault;

export type SearchParamsInput =
  | URLSearchParams
  | Record<string, string | string[] | undefined>
  | undefined;

function valuesOf(input: SearchParamsInput, key: string): string[] {
  if (!input) return [];
  if (input instanceof URLSearchParams) return input.getAll(key);
  const value = input[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Reads filters from a query string. Lenient: an unknown or malformed value is ignored rather
 * than failing the page, so an old or hand-edited link still opens.
 */
export function parseFilters(input: SearchParamsInput): TaskFilters {
  const first = (key: string) => valuesOf(input, key)[0];
  const priorities = unique(
    valuesOf(input, 'priority')
      .flatMap((value) => value.split(','))
      .map((value) => oneOf(PRIORITIES, value.trim()))
      .filter((value): value is Priority => value !== undefined),
  );
  const tags = normalizeTags(valuesOf(input, 'tag'))
    .filter((tag) => tag.length <= TASK_LIMITS.tagMax)
    .slice(0, TASK_LIMITS.tagsMax);
  const page = Number.parseInt(first('page') ?? '1', 10);
  return {
    status: oneOf(STATUSES, first('status')) ?? DEFAULT_FILTERS.status,
    priorities: PRIORITIES.filter((priority) => priorities.includes(priority)).reverse(),
    tags,
    q: (first('q') ?? '').trim().slice(0, TASK_LIMITS.queryMax),
    due: oneOf(DUE_FILTERS, first('due')) ?? null,
    sort: oneOf(SORT_FIELDS, first('sort')) ?? DEFAULT_FILTERS.sort,
    order: oneOf(['asc', 'desc'] as const, first('order')) ?? null,
    page: Number.isSafeInteger(page) && page > 1 && page <= 10_000 ? page : 1,
  };
}

/** Writes filters as a query string, leaving out defaults so links stay short. */
export function serializeFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status !== DEFAULT_FILTERS.status) params.set('status', filters.status);
  for (const priority of filters.priorities) params.append('priority', priority);
  for (const tag of filters.tags) params.append('tag', tag);
  if (filters.due) params.set('due', filters.due);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.order && filters.order !== DEFAULT_SORT_ORDER[filters.sort]) {
    params.set('order', filters.order);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** `/` plus the query string of these filters. */
export function filtersHref(filters: TaskFilters): string {
  const query = serializeFilters(filters).toString();
  return query ? `/?${query}` : '/';
}

/** A copy with some fields changed; any change other than the page goes back to page 1. */
export function withFilters(filters: TaskFilters, change: Partial<TaskFilters>): TaskFilters {
  return { ...filters, page: 1, ...change };
}

/** True when anything narrows the list (the empty state then offers to clear filters). */
export function isFiltered(filters: TaskFilters): boolean {
  return (
    filters.status !== 'all' ||
    filters.priorities.length > 0 ||
    filters.tags.length > 0 ||
    filters.q !== '' ||
    filters.due !== null
  );
}
