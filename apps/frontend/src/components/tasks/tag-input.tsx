'use client';

import { type KeyboardEvent, useId, useState } from 'react';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { CloseIcon } from '@/components/ui/icons';
import { addTag } from '@/lib/tasks/draft';

/** Tags as removable chips; Enter or comma adds what was typed, existing tags are suggested. */
export function TagInput({
  id,
  tags,
  suggestions,
  error,
  onChange,
}: {
  id: string;
  tags: string[];
  suggestions: string[];
  error?: string | undefined;
  onChange: (tags: string[]) => void;
}) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const listId = useId();
  const hintId = `${id}-hint`;
  const errorId = fieldErrorId(id);
  const message = problem ?? error;

  function commit(value: string): boolean {
    const result = addTag(tags, value);
    setProblem(result.error);
    if (result.tags !== tags) onChange(result.tags);
    if (!result.error) setTyped('');
    return value.trim().length > 0;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      // Enter adds the tag instead of submitting the form, unless nothing was typed.
      if (commit(typed) || event.key === ',') event.preventDefault();
    } else if (event.key === 'Backspace' && typed === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  const available = suggestions.filter((tag) => !tags.includes(tag));

  return (
    <div className="tag-input">
      {tags.length > 0 ? (
        <ul className="tag-chips" aria-label="Tags on this task">
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>#{tag}</span>
              <button
                type="button"
                className="tag-chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                <CloseIcon width={12} height={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        className="input"
        list={listId}
        value={typed}
        placeholder={tags.length > 0 ? 'Add another tag' : 'work, home…'}
        autoComplete="off"
        aria-describedby={message ? `${hintId} ${errorId}` : hintId}
        aria-invalid={message ? true : undefined}
        onChange={(event) => {
          const value = event.target.value;
          const native = event.nativeEvent;
          // Picking a suggestion (not an InputEvent from typing) adds it at once.
          const picked =
            !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
          if (picked && available.includes(value)) commit(value);
          else setTyped(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (typed.trim()) commit(typed);
        }}
      />
      <datalist id={listId}>
        {available.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <p id={hintId} className="field-hint">
        Press Enter or comma to add.
      </p>
      <FieldError fieldId={id}>{message}</FieldError>
    </div>
  );
}
