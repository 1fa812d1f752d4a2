'use client';

import type { PatchTaskBody, Task } from '@todo/contract';
import { type ReactNode, type Ref, useMemo } from 'react';
import { changedFields, draftFromTask, type TaskDraft, validateDraft } from '@/lib/tasks/draft';
import { describeDue } from '@/lib/tasks/format-due';
import { summarizeFields } from '@/lib/tasks/repeat-draft';
import { PriorityBadge } from './task-meta';

type Field = keyof PatchTaskBody;

const LABELS: Partial<Record<Field, string>> = {
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  tags: 'Tags',
  due_at: 'Due',
  repeat: 'Repeat',
  time_zone: 'Time zone',
};

function show(field: Field, body: PatchTaskBody, timeZone: string): ReactNode {
  const none = <span className="conflict-none">none</span>;
  switch (field) {
    case 'priority':
      return body.priority ? <PriorityBadge priority={body.priority} /> : none;
    case 'tags':
      return body.tags?.length ? body.tags.join(', ') : none;
    case 'due_at':
      return body.due_at ? describeDue(body.due_at, new Date(), timeZone).full : none;
    case 'repeat':
      return body.repeat ? summarizeFields(body.repeat, timeZone) : none;
    default: {
      const text = body[field];
      return typeof text === 'string' && text ? text : none;
    }
  }
}

/**
 * The task changed elsewhere while it was being edited (the save answered 412): shows each field
 * where the other version differs from this editor, and lets the person keep theirs or take it.
 */
export function EditConflict({
  id,
  latest,
  draft,
  headingRef,
  onKeepMine,
  onUseTheirs,
}: {
  id: string;
  latest: Task;
  draft: TaskDraft;
  headingRef: Ref<HTMLParagraphElement>;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const { theirs, mine, fields } = useMemo(() => {
    const theirsChecked = validateDraft(draftFromTask(latest, draft.timeZone));
    const mineChecked = validateDraft(draft);
    if (!theirsChecked.ok || !mineChecked.ok) return { theirs: {}, mine: {}, fields: [] };
    const differing = changedFields(theirsChecked.body, mineChecked.body);
    return {
      theirs: theirsChecked.body,
      mine: mineChecked.body,
      fields: Object.keys(differing) as Field[],
    };
  }, [latest, draft]);

  return (
    <section className="conflict" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="conflict-title" role="alert" tabIndex={-1} ref={headingRef}>
        This task was changed elsewhere while you were editing it.
      </p>
      {fields.length > 0 ? (
        <table className="conflict-table">
          <caption className="visually-hidden">Their version and yours</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Theirs</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{LABELS[field]}</th>
                <td>{show(field, theirs, draft.timeZone)}</td>
                <td>{show(field, mine, draft.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="field-hint">Its fields now match yours; saving keeps them.</p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onUseTheirs}>
          Use theirs
        </button>
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </section>
  );
}
