import Type, { type Static } from 'typebox';
import { Reminder, ReminderInputs } from './reminder-schemas.js';
import { RECURRENCE_VALUES, RECURRENCES, Repeat, RepeatInput } from './repeat-schemas.js';
import { storableNonBlank, storableText } from './text-patterns.js';

/** Limits of the task model; the database enforces the same ones with CHECK constraints. */
export const TASK_LIMITS = {
  titleMax: 200,
  descriptionMax: 1000,
  tagsMax: 10,
  tagMax: 32,
  queryMax: 200,
  pageDefault: 50,
  pageMax: 100,
  quickAddMax: 500,
  timeZoneMax: 64,
  projectFilterMax: 20,
} as const;

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const SORT_FIELDS = ['created', 'due', 'priority', 'title'] as const;
export const STATUSES = ['all', 'pending', 'completed'] as const;

export type Priority = (typeof PRIORITIES)[number];
export type SortField = (typeof SORT_FIELDS)[number];
export type Status = (typeof STATUSES)[number];
export type SortOrder = 'asc' | 'desc';

/** The order a sort field lists in when the client names none: newest, soonest, most important. */
export const DEFAULT_SORT_ORDER: Record<SortField, SortOrder> = {
  created: 'desc',
  due: 'asc',
  priority: 'desc',
  title: 'asc',
};

export const Title = Type.String({
  minLength: 1,
  maxLength: TASK_LIMITS.titleMax,
  pattern: storableNonBlank,
  description: '1–200 characters, not only spaces',
});
export const Description = Type.Union(
  [Type.String({ maxLength: TASK_LIMITS.descriptionMax, pattern: storableText }), Type.Null()],
  { description: 'At most 1000 characters; null clears it' },
);
export const PriorityValue = Type.Enum([...PRIORITIES], { description: 'low, medium or high' });
export const RecurrenceInput = Type.Enum([...RECURRENCES], {
  description: 'The first version’s fixed repeat values, still accepted: daily is FREQ=DAILY …',
});
export const RecurrenceValue = Type.Enum([...RECURRENCE_VALUES], {
  description: 'The rule as a first-version value when it is one; `custom` otherwise (see repeat)',
});
export const Tag = Type.String({
  minLength: 1,
  maxLength: TASK_LIMITS.tagMax,
  pattern: storableNonBlank,
  description: 'Stored trimmed and lower-case',
});
export const Tags = Type.Array(Tag, {
  maxItems: TASK_LIMITS.tagsMax,
  description: 'At most 10 tags; duplicates are merged',
});
export const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time' });
export const DueAt = Type.Union([DateTime, Type.Null()], {
  description: 'Due date and time (RFC 3339); null clears it',
});

export const TimeZone = Type.String({
  minLength: 1,
  maxLength: TASK_LIMITS.timeZoneMax,
  description:
    'IANA time zone the due time and repeat rule are counted in (Europe/Berlin); UTC when left out',
});
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

const taskFields = {
  description: Type.Optional(Description),
  priority: Type.Optional(PriorityValue),
  tags: Type.Optional(Tags),
  due_at: Type.Optional(DueAt),
  recurrence: Type.Optional(RecurrenceInput),
  repeat: Type.Optional(
    Type.Union([RepeatInput, Type.Null()], {
      description:
        'How the task repeats: structured fields or an RRULE string; null: it does not. Not ' +
        'with recurrence',
    }),
  ),
  time_zone: Type.Optional(TimeZone),
  project_id: Type.Optional(
    Type.Integer({ ...Id, description: 'The project; the Inbox when left out' }),
  ),
  parent_id: Type.Optional(
    Type.Union([Id, Type.Null()], {
      description: 'Makes this a subtask of that task (same project, one level); null: top level',
    }),
  ),
  reminders: Type.Optional(ReminderInputs),
  completed: Type.Optional(Type.Boolean()),
};

/** PUT replaces the task: fields left out go back to their defaults. */
export const UpdateTaskBody = Type.Object(
  { title: Title, ...taskFields },
  { additionalProperties: false },
);

/** A task written in one line and parsed by quick add; fields also named here win over it. */
export const QuickAddTaskBody = Type.Object(
  {
    text: Type.String({
      minLength: 1,
      maxLength: TASK_LIMITS.quickAddMax,
      pattern: storableNonBlank,
      description:
        'Quick add: "Pay rent tomorrow 9am every month p1 #Home @bills" (see the README grammar)',
    }),
    ...taskFields,
  },
  { additionalProperties: false },
);

export const CreateTaskBody = Type.Union([UpdateTaskBody, QuickAddTaskBody]);

/** PATCH changes only the fields it names. */
export const PatchTaskBody = Type.Partial(UpdateTaskBody, {
  additionalProperties: false,
  minProperties: 1,
});

export const Task = Type.Object({
  id: Type.Integer(),
  user_id: Type.String(),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  completed: Type.Boolean(),
  completed_at: Type.Union([DateTime, Type.Null()]),
  priority: PriorityValue,
  tags: Type.Array(Type.String()),
  due_at: Type.Union([DateTime, Type.Null()]),
  recurrence: RecurrenceValue,
  repeat: Type.Union([Repeat, Type.Null()], {
    description: 'How the task repeats, as an RRULE and its fields; null: it does not',
  }),
  time_zone: Type.String({ description: 'IANA time zone of the due time and repeat rule' }),
  project_id: Type.Integer({ description: 'The project the task is in (the Inbox by default)' }),
  parent_id: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The task this is a subtask of; null: a top-level task',
  }),
  subtask_count: Type.Integer({ description: 'Subtasks of this task (0 for a subtask)' }),
  completed_subtask_count: Type.Integer({ description: 'Of those, completed' }),
  reminders: Type.Array(Reminder, { description: 'The task’s reminders, soonest first' }),
  next_occurrence_id: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The task created when this recurring task was completed',
  }),
  created_at: DateTime,
  updated_at: DateTime,
  version: Type.Integer({
    minimum: 1,
    description: 'Goes up by one with every change; the ETag of the task is this number quoted',
  }),
});

export const ListTasksQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...STATUSES], { default: 'all' })),
    project: Type.Optional(
      Type.Array(Id, { maxItems: TASK_LIMITS.projectFilterMax, description: 'In these projects' }),
    ),
    parent: Type.Optional(
      Type.Array(Id, {
        maxItems: TASK_LIMITS.pageMax,
        description: 'Only subtasks of these tasks',
      }),
    ),
    top_level: Type.Optional(
      Type.Boolean({ description: 'true: only tasks that are not subtasks; false: only subtasks' }),
    ),
    priority: Type.Optional(Type.Array(PriorityValue, { maxItems: 3 })),
    tag: Type.Optional(Type.Array(Tag, { maxItems: TASK_LIMITS.tagsMax })),
    q: Type.Optional(
      Type.String({
        maxLength: TASK_LIMITS.queryMax,
        pattern: storableText,
        description: 'Keyword',
      }),
    ),
    due_before: Type.Optional(DateTime),
    due_after: Type.Optional(DateTime),
    overdue: Type.Optional(Type.Boolean({ description: 'Only pending tasks due before now' })),
    has_due: Type.Optional(Type.Boolean({ description: 'false: only tasks without a due date' })),
    sort: Type.Optional(Type.Enum([...SORT_FIELDS], { default: 'created' })),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: TASK_LIMITS.pageMax, default: TASK_LIMITS.pageDefault }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const CompleteTaskQuery = Type.Object(
  {
    subtasks: Type.Optional(
      Type.Enum(['complete'], {
        description:
          'complete: completing the task completes its open subtasks too, in the same ' +
          'transaction; left out: only the task changes (un-completing never changes subtasks)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TaskList = Type.Object({
  items: Type.Array(Task),
  total: Type.Integer({ description: 'Tasks matching the filters, all pages' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  next_offset: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Offset of the next page, null on the last page',
  }),
});

export const TagCount = Type.Object({ tag: Type.String(), count: Type.Integer() });
export const TagList = Type.Object({ items: Type.Array(TagCount) });

export const UserParams = Type.Object({
  user_id: Type.String({ minLength: 1, maxLength: 128 }),
});
export const TaskParams = Type.Object({
  user_id: Type.String({ minLength: 1, maxLength: 128 }),
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});

export type CreateTaskBody = Static<typeof CreateTaskBody>;
export type QuickAddTaskBody = Static<typeof QuickAddTaskBody>;
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;
export type PatchTaskBody = Static<typeof PatchTaskBody>;
export type Task = Static<typeof Task>;
export type ListTasksQuery = Static<typeof ListTasksQuery>;
export type CompleteTaskQuery = Static<typeof CompleteTaskQuery>;
export type TaskList = Static<typeof TaskList>;
export type TagCount = Static<typeof TagCount>;
export type TagList = Static<typeof TagList>;
