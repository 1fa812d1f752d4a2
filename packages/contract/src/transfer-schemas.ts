import Type, { type Static } from 'typebox';
import { Project, ProjectColorValue, ProjectName } from './project-schemas.js';
import { REMINDER_KINDS } from './reminder-schemas.js';
import { REPEAT_FROM } from './repeat-schemas.js';
import { Description, DueAt, PriorityValue, Tags, Task, TimeZone, Title } from './task-schemas.js';

/**
 * Import and export (issue 12): everything a user has, as our JSON document or as CSV, and back
 * in from our JSON or from a Todoist project's CSV export.
 */
export const EXPORT_FORMAT = 'todo-export';
export const EXPORT_VERSION = 1;

export const TRANSFER_LIMITS = {
  /** The largest file an import takes. */
  bodyBytes: 5 * 1024 * 1024,
  /** The most tasks (subtasks included) one import creates or skips. */
  tasksMax: 5_000,
} as const;

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export const IMPORT_SOURCES = ['json', 'todoist'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Enum([...EXPORT_FORMATS], { default: 'json' })) },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  {
    source: Type.Enum([...IMPORT_SOURCES], {
      description:
        'json: a file this app exported (application/json); todoist: a Todoist CSV (text/csv)',
    }),
    dry_run: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'true: answer what the import would do and change nothing',
      }),
    ),
    project_name: Type.Optional({
      ...ProjectName,
      description: 'todoist: the project the file’s tasks go into (a Todoist CSV is one project)',
    }),
    time_zone: Type.Optional({
      ...TimeZone,
      description: 'todoist: the zone of dates in rows without a TIMEZONE; UTC when left out',
    }),
  },
  { additionalProperties: false },
);

/** The JSON document an export writes: the API's own project and task objects. */
export const ExportDocument = Type.Object({
  format: Type.Literal(EXPORT_FORMAT),
  version: Type.Literal(EXPORT_VERSION),
  exported_at: Type.String({ format: 'date-time' }),
  projects: Type.Array(Project),
  tasks: Type.Array(Task, { description: 'Every task, subtasks included (parent_id)' }),
});

// What an import reads of that document: the fields it needs, extra ones ignored, so a file
// exported by this version imports whatever the API adds to a task later.
const ImportedProject = Type.Object({
  id: Type.Integer(),
  user_id: Type.Optional(Type.String({ maxLength: 128 })),
  name: ProjectName,
  color: Type.Optional(ProjectColorValue),
  is_inbox: Type.Optional(Type.Boolean()),
  archived: Type.Optional(Type.Boolean()),
});

const ImportedReminder = Type.Object({
  kind: Type.Enum([...REMINDER_KINDS]),
  minutes_before: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
});

const ImportedTask = Type.Object({
  id: Type.Integer(),
  user_id: Type.Optional(Type.String({ maxLength: 128 })),
  title: Title,
  description: Type.Optional(Description),
  completed: Type.Optional(Type.Boolean()),
  completed_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  priority: Type.Optional(PriorityValue),
  tags: Type.Optional(Tags),
  due_at: Type.Optional(DueAt),
  repeat: Type.Optional(
    Type.Union([
      Type.Object({
        rrule: Type.String({ minLength: 1, maxLength: 200 }),
        from: Type.Optional(Type.Enum([...REPEAT_FROM])),
      }),
      Type.Null(),
    ]),
  ),
  time_zone: Type.Optional(TimeZone),
  project_id: Type.Optional(Type.Integer()),
  parent_id: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  reminders: Type.Optional(Type.Array(ImportedReminder, { maxItems: 10 })),
});

/** An exported document as an import takes it (format and version are checked first). */
export const ImportDocument = Type.Object({
  format: Type.Literal(EXPORT_FORMAT),
  version: Type.Integer(),
  projects: Type.Array(ImportedProject, { maxItems: 1_000 }),
  tasks: Type.Array(ImportedTask),
});

const ImportLine = Type.Union([Type.Integer(), Type.Null()], {
  description: 'The CSV line, or the index in the JSON file’s tasks/projects; null: none',
});

export const ImportItem = Type.Object({
  line: ImportLine,
  kind: Type.Enum(['project', 'task', 'subtask']),
  title: Type.String(),
  project: Type.String({ description: 'The project it goes into' }),
  action: Type.Enum(['create', 'skip'], {
    description: 'skip: imported before (or already yours), so nothing is added',
  }),
});

export const ImportWarning = Type.Object({ line: ImportLine, message: Type.String() });

export const ImportSummary = Type.Object({
  dry_run: Type.Boolean({ description: 'true: a preview; nothing was changed' }),
  created: Type.Object({
    projects: Type.Integer(),
    tasks: Type.Integer({ description: 'Top-level tasks' }),
    subtasks: Type.Integer(),
  }),
  skipped: Type.Integer({ description: 'Projects and tasks already there (a second import)' }),
  items: Type.Array(ImportItem, { description: 'Every project and task of the file, in order' }),
  warnings: Type.Array(ImportWarning, {
    description: 'What was kept another way (a date not understood stays in the description…)',
  }),
});

export type ExportQuery = Static<typeof ExportQuery>;
export type ImportQuery = Static<typeof ImportQuery>;
export type ExportDocument = Static<typeof ExportDocument>;
export type ImportDocument = Static<typeof ImportDocument>;
export type ImportItem = Static<typeof ImportItem>;
export type ImportWarning = Static<typeof ImportWarning>;
export type ImportSummary = Static<typeof ImportSummary>;
