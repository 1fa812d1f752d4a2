import type { ListTasksQuery, SortField } from '@todo/contract';
import { normalizeTags } from '@todo/contract';
import { schema } from '@todo/db/client';
import {
  arrayContains,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const { tasks } = schema;

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export const SORT_COLUMNS: Record<SortField, SQL | AnyPgColumn> = {
  created: tasks.createdAt,
  due: tasks.dueAt,
  priority: tasks.priority,
  title: sql`lower(${tasks.title})`,
};

/** The list's filters as conditions, the user's own tasks first of all. */
export function filters(userId: string, query: ListTasksQuery): SQL[] {
  const where: SQL[] = [eq(tasks.userId, userId)];
  if (query.status === 'pending') where.push(eq(tasks.completed, false));
  if (query.status === 'completed') where.push(eq(tasks.completed, true));
  if (query.project?.length) where.push(inArray(tasks.projectId, query.project));
  if (query.parent?.length) where.push(inArray(tasks.parentId, query.parent));
  if (query.top_level === true) where.push(isNull(tasks.parentId));
  if (query.top_level === false) where.push(isNotNull(tasks.parentId));
  if (query.priority?.length) where.push(inArray(tasks.priority, query.priority));
  if (query.tag?.length) {
    where.push(arrayContains(tasks.tags, normalizeTags(query.tag)));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    const match = or(ilike(tasks.title, pattern), ilike(tasks.description, pattern));
    if (match) where.push(match);
  }
  if (query.due_before) where.push(lt(tasks.dueAt, new Date(query.due_before)));
  if (query.due_after) where.push(gte(tasks.dueAt, new Date(query.due_after)));
  if (query.overdue) where.push(eq(tasks.completed, false), lt(tasks.dueAt, sql`now()`));
  if (query.has_due === true) where.push(isNotNull(tasks.dueAt));
  if (query.has_due === false) where.push(isNull(tasks.dueAt));
  return where;
}
