import { isDeepStrictEqual } from 'node:util';
import type { Task } from '@todo/contract';
import { schema } from '@todo/db/client';
import { inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { taskColumns, toTask } from '../../../apps/backend/src/repositories/task-row.js';
import { type Exchange, isSuccess } from './load.js';

/**
 * Every task row of these users, read straight from PostgreSQL and put in the API's shape by the
 * backend's own mapping (the columns are what is checked, not the mapping).
 */
export async function readTasks(sql: postgres.Sql, users: string[]): Promise<Map<number, Task>> {
  const db = drizzle(sql, { casing: 'snake_case' });
  const rows = await db
    .select(taskColumns)
    .from(schema.tasks)
    .where(inArray(schema.tasks.userId, users));
  return new Map(rows.map((row) => [row.id, toTask(row)]));
}

/**
 * A write whose outcome the client cannot know: no HTTP answer, or a 5xx. A refused connection
 * is not one of them: the request was never sent.
 */
const isUncertain = (exchange: Exchange) =>
  (exchange.status === undefined && exchange.error !== 'ECONNREFUSED') ||
  (exchange.status !== undefined && exchange.status >= 500);

interface TaskHistory {
  marker: string;
  /** The last acknowledged state; 'deleted' after an acknowledged delete. */
  state: Task | 'deleted';
  /** A later write with no clear answer (the worker left the task alone after it). */
  uncertain?: Exchange;
}

export interface Accounting {
  /** Tasks with an acknowledged create, and next occurrences acknowledged by a toggle. */
  acknowledgedTasks: number;
  acknowledgedWrites: number;
  uncertainWrites: number;
  rows: number;
  /** Every difference between the acknowledgements and the database; empty when they agree. */
  mismatches: string[];
}

function differences(expected: Task, actual: Task): string {
  const keys = Object.keys(expected) as (keyof Task)[];
  return keys
    .filter((key) => !isDeepStrictEqual(expected[key], actual[key]))
    .map(
      (key) =>
        `${key}: acknowledged ${JSON.stringify(expected[key])}, stored ${JSON.stringify(actual[key])}`,
    )
    .join('; ');
}

/** Whether `row` is what a write with no clear answer would have produced from `before`. */
function uncertainOutcome(before: Task, write: Exchange, row: Task | undefined): boolean {
  if (write.op === 'delete') return row === undefined;
  if (!row) return false;
  const body = write.body ?? {};
  if (write.op === 'toggle')
    return row.completed === !before.completed && row.title === before.title;
  const expected = write.op === 'put' ? { description: null, priority: 'medium', ...body } : body;
  return ['title', 'description', 'priority', 'completed'].every(
    (key) => !(key in expected) || isDeepStrictEqual(row[key as keyof Task], expected[key]),
  );
}

/**
 * Replays the exchange log and compares it with the database: every acknowledged write is there
 * exactly as its answer said (all columns, timestamps included), every acknowledged delete is
 * gone, nothing exists that no answer acknowledged. Writes without a clear answer (the process
 * was killed, the database was down) may have happened or not, but nothing else.
 */
export async function accountFor(
  exchanges: Exchange[],
  sql: postgres.Sql,
  users: string[],
): Promise<Accounting> {
  const histories = new Map<number, TaskHistory>();
  const spawned = new Map<number, Task>();
  const uncertainCreates = new Map<string, Exchange>();
  const mismatches: string[] = [];
  let acknowledgedWrites = 0;
  let uncertainWrites = 0;

  // Each task is written by one worker, one request at a time: log order is write order.
  const writes = exchanges.filter((exchange) => exchange.op !== 'probe');
  writes.sort((a, b) => a.startedAt - b.startedAt);
  for (const write of writes) {
    if (isSuccess(write)) acknowledgedWrites += 1;
    else if (isUncertain(write)) uncertainWrites += 1;
    if (write.op === 'create') {
      const task = write.json as Task | undefined;
      if (write.status === 201 && task) {
        histories.set(task.id, { marker: write.marker ?? '', state: task });
      } else if (isUncertain(write) && write.marker) {
        uncertainCreates.set(write.marker, write);
      }
      continue;
    }
    const history = write.taskId === undefined ? undefined : histories.get(write.taskId);
    if (!history) {
      mismatches.push(
        `${write.requestId}: ${write.op} of task ${write.taskId}, which was never acknowledged`,
      );
      continue;
    }
    if (history.uncertain) {
      mismatches.push(
        `${write.requestId}: task ${write.taskId} written after a write with no answer`,
      );
    }
    if (isSuccess(write)) {
      const previous = history.state;
      if (write.status === 204) {
        history.state = 'deleted';
      } else {
        const task = write.json as Task;
        history.state = task;
        if (
          task.next_occurrence_id !== null &&
          previous !== 'deleted' &&
          previous.next_occurrence_id === null
        ) {
          spawned.set(task.next_occurrence_id, task);
        }
      }
    } else if (isUncertain(write)) {
      history.uncertain = write;
    }
  }

  const rows = await readTasks(sql, users);
  const seen = new Set<number>();
  for (const [id, history] of histories) {
    seen.add(id);
    const row = rows.get(id);
    const { state, uncertain } = history;
    if (state === 'deleted') {
      if (row) mismatches.push(`task ${id}: deleted (acknowledged 204) but still stored`);
      continue;
    }
    const asAcknowledged = row !== undefined && isDeepStrictEqual(row, state);
    if (asAcknowledged) continue;
    if (uncertain && uncertainOutcome(state, uncertain, row)) continue;
    if (!row) {
      mismatches.push(`task ${id} (${history.marker}): acknowledged but missing`);
    } else {
      mismatches.push(
        `task ${id} (${history.marker}): ${differences(state, row)}${uncertain ? ` (after an unanswered ${uncertain.op})` : ''}`,
      );
    }
  }
  for (const [id, parent] of spawned) {
    seen.add(id);
    const row = rows.get(id);
    if (!row) {
      mismatches.push(`task ${id}: next occurrence of task ${parent.id} acknowledged but missing`);
    } else if (
      row.title !== parent.title ||
      row.recurrence !== parent.recurrence ||
      row.user_id !== parent.user_id ||
      row.completed
    ) {
      mismatches.push(
        `task ${id}: next occurrence of task ${parent.id} stored as ${JSON.stringify(row)}`,
      );
    }
  }
  for (const [id, row] of rows) {
    if (seen.has(id)) continue;
    const marker = row.title.split(' ')[0] ?? '';
    const create = uncertainCreates.get(marker);
    if (create && row.title === create.body?.title) {
      // A create without an answer may have committed, once.
      uncertainCreates.delete(marker);
      continue;
    }
    mismatches.push(`task ${id} "${row.title}" is stored but no answer acknowledged it`);
  }
  return {
    acknowledgedTasks: histories.size + spawned.size,
    acknowledgedWrites,
    uncertainWrites,
    rows: rows.size,
    mismatches,
  };
}

/** Inserts users into Better Auth's table, as signing up would (tasks reference them). */
export async function insertUsers(sql: postgres.Sql, ids: string[]): Promise<void> {
  for (const id of ids) {
    await sql`insert into "user" (id, name, email) values (${id}, ${id}, ${`${id}@example.test`})
      on conflict do nothing`;
  }
}
