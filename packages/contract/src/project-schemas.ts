import Type, { type Static } from 'typebox';
import { TaskParams } from './task-schemas.js';
import { storableNonBlank } from './text-patterns.js';

/** Limits of the project model; the database enforces the same ones with CHECK constraints. */
export const PROJECT_LIMITS = { nameMax: 60, projectsMax: 300 } as const;

/** A small named palette (as Todoist's): the UI maps each name to colours with enough contrast. */
export const PROJECT_COLORS = [
  'grey',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
] as const;
export type ProjectColor = (typeof PROJECT_COLORS)[number];

export const INBOX_NAME = 'Inbox';

export const ProjectName = Type.String({
  minLength: 1,
  maxLength: PROJECT_LIMITS.nameMax,
  pattern: storableNonBlank,
  description: '1–60 characters, not only spaces; unique per user, ignoring case',
});
export const ProjectColorValue = Type.Enum([...PROJECT_COLORS], {
  description: 'One of the palette’s names',
});

export const CreateProjectBody = Type.Object(
  {
    name: ProjectName,
    color: Type.Optional(ProjectColorValue),
    position: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: '0 first; the end when left out' }),
    ),
  },
  { additionalProperties: false },
);

export const PatchProjectBody = Type.Object(
  {
    name: Type.Optional(ProjectName),
    color: Type.Optional(ProjectColorValue),
    position: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000,
        description: 'Moves the project to this place; the others close up behind it',
      }),
    ),
    archived: Type.Optional(
      Type.Boolean({ description: 'An archived project is hidden from the sidebar and lists' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Project = Type.Object({
  id: Type.Integer(),
  user_id: Type.String(),
  name: Type.String(),
  color: ProjectColorValue,
  position: Type.Integer({ description: 'Order in the sidebar, 0 first; the Inbox is always 0' }),
  is_inbox: Type.Boolean({ description: 'Every user has one Inbox; it cannot be deleted' }),
  archived: Type.Boolean(),
  open_count: Type.Integer({ description: 'Tasks in the project that are not completed' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  version: Type.Integer({ minimum: 1, description: 'Goes up by one with every change (ETag)' }),
});

export const ProjectList = Type.Object({ items: Type.Array(Project) });

export const ListProjectsQuery = Type.Object(
  {
    archived: Type.Optional(
      Type.Boolean({ description: 'true: only archived projects; false (default): only active' }),
    ),
  },
  { additionalProperties: false },
);

export const DeleteProjectQuery = Type.Object(
  {
    move_tasks_to: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        description: 'Move the project’s tasks to this project; left out: they are deleted with it',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A project's path: the same user id and row id rules as a task's. */
export const ProjectParams = TaskParams;

export type CreateProjectBody = Static<typeof CreateProjectBody>;
export type PatchProjectBody = Static<typeof PatchProjectBody>;
export type Project = Static<typeof Project>;
export type ProjectList = Static<typeof ProjectList>;
export type ListProjectsQuery = Static<typeof ListProjectsQuery>;
export type DeleteProjectQuery = Static<typeof DeleteProjectQuery>;
