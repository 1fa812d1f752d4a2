'use client';

import type { ImportSource, ImportSummary } from '@todo/contract';
import { type FormEvent, useState, useTransition } from 'react';
import { Banner } from '@/components/ui/banner';
import type { FieldError } from '@/lib/backend/result';
import { importFileAction } from './import-export-actions';
import { IMPORT_UI_MAX_BYTES } from './import-export-limits';
import { ImportPreview, summaryLine } from './import-export-preview';

interface ChosenFile {
  name: string;
  text: string;
  source: ImportSource;
}

type Stage =
  | { step: 'choose' }
  | { step: 'preview'; file: ChosenFile; summary: ImportSummary }
  | { step: 'done'; summary: ImportSummary };

const SOURCE_LABELS: Record<ImportSource, string> = {
  json: 'This app’s JSON export',
  todoist: 'Todoist CSV (one project per file)',
};

/** Export links, and an import that previews the file and changes nothing until confirmed. */
export function ImportExport({ timeZone }: { timeZone: string }) {
  const [source, setSource] = useState<ImportSource>('json');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [failure, setFailure] = useState<{ message: string; errors: FieldError[] } | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (file: ChosenFile, dryRun: boolean) =>
    startTransition(async () => {
      const result = await importFileAction({
        source: file.source,
        text: file.text,
        fileName: file.name,
        dryRun,
        timeZone,
      });
      if (!result.ok) {
        setFailure({ message: result.message, errors: result.errors ?? [] });
        return;
      }
      setFailure(null);
      setStage(
        dryRun
          ? { step: 'preview', file, summary: result.data }
          : { step: 'done', summary: result.data },
      );
    });

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('file');
    const chosen = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!chosen) {
      setFailure({ message: 'Choose a file to import.', errors: [] });
      return;
    }
    if (chosen.size > IMPORT_UI_MAX_BYTES) {
      setFailure({ message: 'The file is over 900 KB, the most this page uploads.', errors: [] });
      return;
    }
    run({ name: chosen.name, text: await chosen.text(), source }, true);
  }

  function chooseFile(name: string) {
    if (/\.csv$/i.test(name)) setSource('todoist');
    else if (/\.json$/i.test(name)) setSource('json');
    setStage({ step: 'choose' });
    setFailure(null);
  }

  return (
    <section aria-labelledby="import-export-heading" className="settings-section">
      <h2 id="import-export-heading">Import and export</h2>
      <div className="settings-group">
        <h3 className="settings-subheading">Export</h3>
        <p className="settings-note">
          Everything you have: projects, tasks and subtasks, tags, repeat rules and reminders.
        </p>
        <div className="import-export-buttons">
          <a className="button button-small" href="/settings/export?format=json" download>
            Export JSON
          </a>
          <a className="button button-small" href="/settings/export?format=csv" download>
            Export CSV
          </a>
        </div>
      </div>
      <form className="settings-group" aria-labelledby="import-heading" onSubmit={preview}>
        <h3 id="import-heading" className="settings-subheading">
          Import
        </h3>
        <label className="import-field">
          File
          <input
            type="file"
            name="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(event) => chooseFile(event.currentTarget.files?.[0]?.name ?? '')}
          />
        </label>
        <fieldset className="import-field">
          <legend>It comes from</legend>
          {(Object.keys(SOURCE_LABELS) as ImportSource[]).map((value) => (
            <label key={value} className="settings-check">
              <input
                type="radio"
                name="source"
                value={value}
                checked={source === value}
                onChange={() => setSource(value)}
              />
              {SOURCE_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <p className="settings-note">
          Preview first: nothing changes until you confirm. Importing the same file again adds
          nothing.
        </p>
        <div className="import-export-buttons">
          <button type="submit" className="button button-small" disabled={pending}>
            {pending && stage.step === 'choose' ? 'Reading…' : 'Preview'}
          </button>
        </div>
      </form>
      {failure ? (
        <Banner title="The file cannot be imported">
          <p>{failure.message}</p>
          {failure.errors.length > 0 ? (
            <ul>
              {failure.errors.map((error) => (
                <li key={`${error.path} ${error.message}`}>
                  {error.path}: {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}
      {stage.step === 'preview' ? (
        <div className="settings-group">
          <ImportPreview summary={stage.summary} />
          <div className="import-export-buttons">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={pending}
              onClick={() => run(stage.file, false)}
            >
              {pending ? 'Importing…' : 'Import'}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              disabled={pending}
              onClick={() => setStage({ step: 'choose' })}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {stage.step === 'done' ? (
        <p className="settings-note" role="status">
          Imported: {summaryLine(stage.summary)}
        </p>
      ) : null}
    </section>
  );
}
