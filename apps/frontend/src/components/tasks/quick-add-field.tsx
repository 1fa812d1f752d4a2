'use client';

import { escapeToken, type QuickAddResult, type QuickAddTokenKind } from '@todo/schedule';
import { type Ref, useCallback, useRef } from 'react';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { CloseIcon } from '@/components/ui/icons';
import { findProject, highlightSegments, type ProjectRef } from '@/lib/tasks/quick-add';
import './quick-add.css';

/** The id of the new-task form's quick-add input, which the `q` shortcut focuses. */
export const QUICK_ADD_INPUT_ID = 'quick-add-input';

const KIND_WORDS: Record<QuickAddTokenKind, string> = {
  date: 'date',
  repeat: 'repeat',
  priority: 'priority',
  project: 'project',
  tag: 'tag',
  reminder: 'reminder',
};

/**
 * One line that understands dates, repeats, priority, #project and @tags. What it recognised is
 * highlighted in place (a layer drawn behind the transparent text of the input, cut at the
 * parser's offsets) and listed as chips under it, each removable: removing one quotes that
 * piece, so it stays in the title as words.
 */
export function QuickAddField({
  id,
  label,
  text,
  parsed,
  projects,
  error,
  message,
  placeholder,
  inputRef,
  onTextChange,
  onFocus,
}: {
  id: string;
  label: string;
  text: string;
  /** What the parser recognised; null while it loads, when the line shows as typed. */
  parsed: QuickAddResult | null;
  projects: readonly ProjectRef[];
  error?: string | undefined;
  /** Why the last save failed, as a whole (the service is down, a project could not be made). */
  message?: string | null;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  onTextChange: (text: string) => void;
  onFocus?: () => void;
}) {
  const mirrorRef = useRef<HTMLDivElement>(null);
  const ownInput = useRef<HTMLInputElement | null>(null);
  const hintId = `${id}-hint`;
  const chipsId = `${id}-chips`;

  const setInput = useCallback(
    (element: HTMLInputElement | null) => {
      ownInput.current = element;
      if (typeof inputRef === 'function') inputRef(element);
      else if (inputRef) inputRef.current = element;
    },
    [inputRef],
  );

  // A long line scrolls inside the input; the layer behind it follows.
  const syncScroll = () => {
    if (mirrorRef.current && ownInput.current) {
      mirrorRef.current.scrollLeft = ownInput.current.scrollLeft;
    }
  };

  const tokens = parsed?.tokens ?? [];
  const unknownProject =
    parsed?.project && !findProject(projects, parsed.project) ? parsed.project : null;

  return (
    <div className="field field-wide quick-add">
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="quick-add-box">
        <div className="quick-add-mirror" ref={mirrorRef} aria-hidden="true">
          <span className="quick-add-line">
            {highlightSegments(text, tokens).map((segment) =>
              segment.kind ? (
                <mark
                  key={segment.start}
                  className={`qa-token qa-${segment.kind}`}
                  data-kind={segment.kind}
                >
                  {segment.text}
                </mark>
              ) : (
                <span key={segment.start}>{segment.text}</span>
              ),
            )}
          </span>
        </div>
        <input
          id={id}
          ref={setInput}
          className="input quick-add-input"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={error ? `${hintId} ${fieldErrorId(id)}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onTextChange(event.target.value);
            requestAnimationFrame(syncScroll);
          }}
          onFocus={onFocus}
          onScroll={syncScroll}
          onSelect={syncScroll}
          onKeyUp={syncScroll}
        />
      </div>
      <p id={hintId} className="field-hint">
        Type dates, repeats, <kbd>p1</kbd>–<kbd>p3</kbd>, #project and @tags; put words in "quotes"
        to keep them as they are.
      </p>
      <ul
        id={chipsId}
        className="tag-chips quick-add-chips"
        aria-label="Recognised"
        aria-live="polite"
      >
        {tokens.map((token) => (
          <li key={`${token.kind}-${token.start}`} className={`tag-chip qa-chip qa-${token.kind}`}>
            {token.kind === 'project' && unknownProject ? (
              <button type="submit" className="qa-chip-create">
                Create project “{unknownProject}”
              </button>
            ) : (
              <span>{token.label}</span>
            )}
            <button
              type="button"
              className="tag-chip-remove"
              aria-label={`Remove ${KIND_WORDS[token.kind]} ${token.label}: keep “${token.text}” in the title`}
              onClick={() => {
                onTextChange(escapeToken(text, token));
                ownInput.current?.focus();
              }}
            >
              <CloseIcon width={12} height={12} />
            </button>
          </li>
        ))}
      </ul>
      <FieldError fieldId={id}>{error}</FieldError>
    </div>
  );
}
