import type { ImportSummary } from '@todo/contract';

// A preview of thousands of rows would bury the buttons; the counts above say the rest.
const ROWS_SHOWN = 200;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "2 projects, 10 tasks and 3 subtasks created; 4 already there" */
export function summaryLine({ created, skipped }: ImportSummary): string {
  const made = `${plural(created.projects, 'project')}, ${plural(created.tasks, 'task')} and ${plural(created.subtasks, 'subtask')}`;
  return `${made} ${created.projects + created.tasks + created.subtasks === 1 ? 'is' : 'are'} new; ${skipped} already there`;
}

/** What an import would do: the counts, a table of its rows, and its warnings. */
export function ImportPreview({ summary }: { summary: ImportSummary }) {
  const rows = summary.items.slice(0, ROWS_SHOWN);
  return (
    <>
      <p role="status">Preview: {summaryLine(summary)}.</p>
      <table className="import-preview">
        <caption className="settings-note">
          {summary.items.length > ROWS_SHOWN
            ? `The first ${ROWS_SHOWN} of ${summary.items.length} rows`
            : 'What the file holds'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Kind</th>
            <th scope="col">Title</th>
            <th scope="col">Project</th>
            <th scope="col">Will be</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item, index) => (
            // Lines repeat between a project and its tasks; the index keeps keys apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder
            <tr key={index}>
              <td>{item.line ?? '—'}</td>
              <td>{item.kind}</td>
              <td>{item.title}</td>
              <td>{item.project}</td>
              <td>{item.action === 'create' ? 'created' : 'skipped (already there)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.warnings.length > 0 ? (
        <div>
          <h4 className="settings-subheading">Warnings</h4>
          <ul className="import-warnings">
            {summary.warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <li key={index}>
                {warning.line === null ? '' : `Line ${warning.line}: `}
                {warning.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
