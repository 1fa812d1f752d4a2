'use client';

import { type RefObject, useMemo, useState, useTransition } from 'react';
import type { DraftErrors, TaskDraft } from '@/lib/tasks/draft';
import { type OptimisticChange, temporaryTask } from '@/lib/tasks/optimistic';
import type { ProjectRef, QuickAddDefaults } from '@/lib/tasks/quick-add';
import {
  loadedQuickAddParser,
  loadQuickAddParser,
  type QuickAddParser,
} from '@/lib/tasks/quick-add-parser';
import { useProjects } from '../projects/projects-context';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { useToast } from '../ui/toaster';
import { quickAddAction, type TaskActionResult } from './actions';

const NOT_SAVED_MESSAGE =
  'Not added yet: the service did not answer. What you typed is kept — try again in a moment.';

/**
 * The quick-add line of a form: its text, the live parse for highlighting and chips, and a
 * submit that checks the line in the browser, shows the task at once and saves it. What was
 * typed stays until the backend has the task.
 *
 * The parser is not part of the page's first JavaScript: `loadParser` (on focus) fetches it, the
 * line works as plain text until then, and a line submitted before it arrived waits for it, so
 * it is read exactly as one submitted later.
 */
export function useQuickAdd({
  timeZone,
  defaults,
  parentId,
  formRef,
  onOptimistic,
  onOutcome,
}: {
  /** The form: after a refusal, focus goes to its first field marked invalid. */
  formRef: RefObject<HTMLFormElement | null>;
  timeZone: string;
  defaults: QuickAddDefaults;
  parentId?: number;
  onOptimistic: (change: OptimisticChange) => void;
  onOutcome: (result: TaskActionResult<unknown>) => void;
}) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<DraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The line being saved: pressing Enter on it again is a double press; a new line may follow
  // at once (the save, and the page's refresh after it, can take a moment).
  const [inFlight, setInFlight] = useState<string | null>(null);
  const [parser, setParser] = useState<QuickAddParser | null>(loadedQuickAddParser);
  const [awaitingParser, setAwaitingParser] = useState(false);
  const busy = (pending || awaitingParser) && inFlight === text;
  const toast = useToast();
  const { active } = useProjects();
  // Quick add names the person's active projects; an archived one is not offered.
  const projects: readonly ProjectRef[] = useMemo(
    () => active.map(({ id, name }) => ({ id, name })),
    [active],
  );
  const parsed = useMemo(
    () => parser?.parseLine(text, new Date(), timeZone, projects) ?? null,
    [parser, text, timeZone, projects],
  );

  function loadParser(): Promise<QuickAddParser> {
    return loadQuickAddParser().then((loaded) => {
      setParser(() => loaded);
      return loaded;
    });
  }

  /** On focus or the first keystroke; a failure leaves plain text, and a submit tries again. */
  function startLoading() {
    loadParser().catch(() => {});
  }

  const refuse = (found: DraftErrors, text: string | null) => {
    setErrors(found);
    setMessage(text);
    focusFirstInvalid(formRef.current);
  };

  /** Checks the line with these details in the browser, shows the task at once and saves it. */
  function submit(details: TaskDraft, onSaved: () => void) {
    if (busy) return;
    const submitted = text;
    setInFlight(submitted);
    if (parser) return send(parser, submitted, details, onSaved);
    setAwaitingParser(true);
    loadParser()
      .then(
        (loaded) => send(loaded, submitted, details, onSaved),
        () => refuse({}, NOT_SAVED_MESSAGE),
      )
      .finally(() => setAwaitingParser(false));
  }

  function send(
    { parseLine, planQuickAdd }: QuickAddParser,
    submitted: string,
    details: TaskDraft,
    onSaved: () => void,
  ) {
    const now = new Date();
    const context = { projects, defaults, now, ...(parentId ? { parentId } : {}) };
    const planned = planQuickAdd(
      parseLine(submitted, now, details.timeZone, projects),
      details,
      context,
    );
    if (!planned.ok) return refuse(planned.errors, null);
    startTransition(async () => {
      onOptimistic({ type: 'add', task: temporaryTask(planned.plan.body, now.toISOString()) });
      const result = await quickAddAction({
        text: submitted,
        details,
        defaults,
        ...(parentId ? { parentId } : {}),
      });
      onOutcome(result);
      if (!result.ok) {
        return refuse(
          result.errors,
          result.reason === 'unavailable' ? NOT_SAVED_MESSAGE : result.message,
        );
      }
      setText((current) => (current === submitted ? '' : current));
      setErrors({});
      setMessage(null);
      onSaved();
      const { task, project } = result.data;
      const what = parentId ? 'subtask' : '';
      toast({
        tone: 'success',
        message: project
          ? `Added “${task.title}” to the new project “${project.name}”`
          : `Added ${what ? `${what} ` : ''}“${task.title}”`,
      });
    });
  }

  return {
    projects,
    text,
    setText: (next: string) => {
      setText(next);
      if (message) setMessage(null);
      if (!parser) startLoading();
    },
    /** What the parser recognised; null until it has loaded. */
    parsed,
    /** Starts loading the parser: called when the person starts on the line. */
    loadParser: startLoading,
    errors,
    message,
    /** This line is being saved. */
    busy,
    submit,
  };
}
