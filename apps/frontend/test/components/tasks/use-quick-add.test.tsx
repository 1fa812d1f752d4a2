// @vitest-environment jsdom
// The quick-add parser arrives after the page (src/lib/tasks/quick-add-parser.ts): here its
// module is held back until the test lets it through, as a slow network would.
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft } from '@/lib/tasks/draft';
import { NO_DEFAULTS } from '@/lib/tasks/quick-add';
import { stubAnimationFrames } from '../../support/animation-frames';
import { FORM_PROJECTS, renderNewTaskForm } from '../../support/new-task-form';

const parserGate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
});
vi.mock('@/lib/tasks/quick-add-plan', async (importOriginal) => {
  await parserGate.opened;
  return importOriginal();
});
const quickAddAction = vi.hoisted(() => vi.fn());
vi.mock('@/components/tasks/actions', () => ({ quickAddAction }));

const plan = await vi.importActual<typeof import('@/lib/tasks/quick-add-plan')>(
  '@/lib/tasks/quick-add-plan',
);
const ZONE = 'Europe/Berlin';
const onOptimistic = vi.fn();

describe('quick add before its parser has loaded', () => {
  beforeEach(() => {
    stubAnimationFrames();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('takes the line as text, holds Enter until the parser is there, then saves it as read by the parser', async () => {
    const line = 'Pay rent tomorrow 9am every month p1 #Home @bills !30m';
    quickAddAction.mockResolvedValue({ ok: true, data: { task: { title: 'Pay rent' } } });
    const { form, title, chips } = renderNewTaskForm({ timeZone: ZONE, onOptimistic });

    fireEvent.change(title, { target: { value: line } });
    expect(title.value).toBe(line);
    expect(chips()).toHaveLength(0);
    fireEvent.submit(form);
    fireEvent.submit(form);
    // Enter is taken (the button says so) but nothing is sent before the line can be read.
    await waitFor(() =>
      expect(within(form).getByRole('button', { name: 'Adding…' })).toHaveProperty(
        'disabled',
        true,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quickAddAction).not.toHaveBeenCalled();
    expect(onOptimistic).not.toHaveBeenCalled();

    parserGate.open();
    await waitFor(() => expect(quickAddAction).toHaveBeenCalledTimes(1));
    expect(quickAddAction).toHaveBeenCalledWith({
      text: line,
      details: emptyDraft(ZONE),
      defaults: NO_DEFAULTS,
    });
    // The same fields as the parser gives when it was there first.
    const expected = plan.planQuickAdd(
      plan.parseLine(line, new Date(), ZONE, FORM_PROJECTS),
      emptyDraft(ZONE),
      { projects: FORM_PROJECTS, defaults: NO_DEFAULTS, now: new Date() },
    );
    if (!expected.ok) throw new Error('the line should plan');
    const { repeat, reminders: _shownOnceSaved, ...fields } = expected.plan.body;
    expect(fields).toMatchObject({ title: 'Pay rent', priority: 'high', project_id: 2 });
    expect(fields.due_at).not.toBeNull();
    expect(onOptimistic).toHaveBeenCalledTimes(1);
    expect(onOptimistic).toHaveBeenCalledWith({
      type: 'add',
      task: expect.objectContaining({
        ...fields,
        repeat: expect.objectContaining({ frequency: repeat?.frequency }),
      }),
    });
    await waitFor(() => expect(title.value).toBe(''));

    // Loaded now: the chips show while typing.
    fireEvent.change(title, { target: { value: 'Call mum friday p2' } });
    await waitFor(() => expect(chips().map((chip) => chip.textContent)).toHaveLength(2));
  });
});
