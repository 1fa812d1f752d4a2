import { PRIORITIES, PROJECT_COLORS, PROJECT_LIMITS, TASK_LIMITS } from '@todo/contract';
import { canonicalTimeZone } from '@todo/schedule';
import { z } from 'zod';

// The contract's limits, restated as zod for the tools' input schemas (the backend checks again).
const MAX_ID = 2_147_483_647;

export const taskId = z
  .number()
  .int()
  .min(1)
  .max(MAX_ID)
  .describe('The task id, as find_tasks, overview or add_tasks return it (the number after #)');

export const projectId = z
  .number()
  .int()
  .min(1)
  .max(MAX_ID)
  .describe('A project id from list_projects; the Inbox when left out');

export const title = z.string().min(1).max(TASK_LIMITS.titleMax).describe('The task title');

export const description = z
  .string()
  .max(TASK_LIMITS.descriptionMax)
  .nullable()
  .describe('Notes on the task (at most 1000 characters); null removes them');

export const priority = z.enum(PRIORITIES).describe('low, medium (the default) or high');

export const tags = z
  .array(z.string().min(1).max(TASK_LIMITS.tagMax))
  .max(TASK_LIMITS.tagsMax)
  .describe('Tags without "@", at most 10; stored lower-case');

export const dateTime = z.iso
  .datetime({ offset: true })
  .describe('An RFC 3339 date-time with offset, e.g. 2026-12-24T18:00:00+01:00');

export const timeZone = z
  .string()
  .refine((zone) => canonicalTimeZone(zone) !== null, 'Not an IANA time zone name')
  .describe(
    'IANA time zone dates are read in, e.g. Europe/Berlin; the person’s own zone when left out',
  );

export const projectName = z
  .string()
  .min(1)
  .max(PROJECT_LIMITS.nameMax)
  .describe('The project name, unique per person ignoring case');

export const projectColor = z.enum(PROJECT_COLORS).describe('A colour name from the palette');
