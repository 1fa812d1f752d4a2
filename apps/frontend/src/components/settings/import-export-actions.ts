'use server';

import { IMPORT_SOURCES, type ImportSource, type ImportSummary } from '@todo/contract';
import { IMPORT_UI_MAX_BYTES } from './import-export-limits';
import { asUser, type SettingsResult } from './settings-result';

export interface ImportInput {
  source: ImportSource;
  text: string;
  /** The file's name: a Todoist CSV is one project, named after it. */
  fileName: string;
  dryRun: boolean;
  timeZone: string;
}

/** "Groceries.csv" → "Groceries": the project a Todoist file's tasks go into. */
function projectName(fileName: string): string | undefined {
  const name = fileName
    .replace(/\.csv$/i, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
  return name ? name.slice(0, 60) : undefined;
}

/** Previews (dryRun) or imports a file; nothing changes until the import is confirmed. */
export async function importFileAction(input: ImportInput): Promise<SettingsResult<ImportSummary>> {
  if (
    typeof input?.text !== 'string' ||
    !IMPORT_SOURCES.includes(input.source) ||
    typeof input.dryRun !== 'boolean'
  ) {
    return { ok: false, message: 'Choose a file and where it comes from.' };
  }
  if (new TextEncoder().encode(input.text).length > IMPORT_UI_MAX_BYTES) {
    return { ok: false, message: 'The file is over 900 KB, the most this page uploads.' };
  }
  const name = input.source === 'todoist' ? projectName(String(input.fileName ?? '')) : undefined;
  return asUser((client) =>
    client.importFile(input.text, {
      source: input.source,
      dryRun: input.dryRun,
      ...(name ? { projectName: name } : {}),
      ...(typeof input.timeZone === 'string' && input.timeZone ? { timeZone: input.timeZone } : {}),
    }),
  );
}
