// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubAnimationFrames } from '../../support/animation-frames';
import { renderNewTaskForm } from '../../support/new-task-form';

const quickAddAction = vi.hoisted(() => vi.fn());
vi.mock('@/components/tasks/actions', () => ({ quickAddAction }));

const onOptimistic = vi.fn();
const onOutcome = vi.fn();

function renderForm(defaults?: { projectId: number | null; dueToday: boolean }) {
  const form = renderNewTaskForm({
    suggestions: ['work'],
    ...(defaults ? { defaults } : {}),
    onOptimistic,
    onOutcome,
  });
  return { ...form, submit: () => fireEvent.submit(form.form) };
}

const saved = (title: string, project: { id: number; name: string } | null = null) => ({
  ok: true,
  data: { task: { title }, project },
});

describe('NewTaskForm', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    stubAnimationFrames();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for a title before sending anything', async () => {
    const { title, submit } = renderForm();
    submit();
    expect(await screen.findByText(/Add what the task is/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(quickAddAction).not.toHaveBeenCalled();
  });

  it('shows the parsed task at once, sends the line with the details, then clears the form', async () => {
    quickAddAction.mockResolvedValue(saved('Buy milk'));
    const { title, description, more, submit } = renderForm();
    expect(description.closest('[hidden]')).not.toBeNull();
    fireEvent.click(more);
    expect(description.closest('[hidden]')).toBeNull();
    fireEvent.change(title, { target: { value: 'Buy milk p1 #home @shop' } });
    fireEvent.change(description, { target: { value: 'Oat' } });
    submit();
    await waitFor(() => expect(title.value).toBe(''));
    expect(onOptimistic).toHaveBeenCalledWith({
      type: 'add',
      task: expect.objectContaining({
        title: 'Buy milk',
        description: 'Oat',
        priority: 'high',
        tags: ['shop'],
        project_id: 2,
      }),
    });
    expect(quickAddAction).toHaveBeenCalledWith({
      text: 'Buy milk p1 #home @shop',
      details: expect.objectContaining({ description: 'Oat', timeZone: 'Europe/Berlin' }),
      defaults: { projectId: null, dueToday: false },
    });
    expect(await screen.findByText('Added “Buy milk”')).toBeTruthy();
    expect(description.value).toBe('');
    expect(onOutcome).toHaveBeenCalledWith(expect.objectContaining({ ok: true }));
  });

  it('sends the view’s defaults, and says when a project was created', async () => {
    quickAddAction.mockResolvedValue(saved('Fix the fence', { id: 9, name: 'Garden' }));
    const { title, submit } = renderForm({ projectId: 2, dueToday: true });
    fireEvent.change(title, { target: { value: 'Fix the fence #Garden' } });
    // Once the parser has loaded (on the first keystroke), the chips show.
    expect(await screen.findByRole('button', { name: 'Create project “Garden”' })).toBeTruthy();
    submit();
    expect(
      await screen.findByText('Added “Fix the fence” to the new project “Garden”'),
    ).toBeTruthy();
    expect(quickAddAction).toHaveBeenCalledWith(
      expect.objectContaining({ defaults: { projectId: 2, dueToday: true } }),
    );
  });

  it('keeps everything typed when the service is down', async () => {
    quickAddAction.mockResolvedValue({
      ok: false,
      reason: 'unavailable',
      message: 'down',
      errors: {},
    });
    const { title, description, more, submit } = renderForm();
    fireEvent.click(more);
    fireEvent.change(title, { target: { value: 'Buy milk' } });
    fireEvent.change(description, { target: { value: 'Oat' } });
    submit();
    expect((await screen.findByText(/What you typed is kept/)).getAttribute('role')).toBe('alert');
    expect(title.value).toBe('Buy milk');
    expect(description.value).toBe('Oat');
    expect(onOutcome).toHaveBeenCalledWith(expect.objectContaining({ reason: 'unavailable' }));
  });

  it('puts the backend’s field messages next to the fields, opening the details if needed', async () => {
    quickAddAction.mockResolvedValue({
      ok: false,
      reason: 'invalid',
      message: 'Some fields need attention.',
      errors: { title: 'must not contain control characters', description: 'too odd' },
    });
    const { title, description, submit } = renderForm();
    fireEvent.change(title, { target: { value: 'Bad' } });
    submit();
    expect(await screen.findByText('must not contain control characters')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.value).toBe('Bad');
    expect(screen.getByText('too odd')).toBeTruthy();
    expect(description.closest('[hidden]')).toBeNull();
  });

  it('takes the next line while one is saving, but not the same line twice', async () => {
    let finish: (value: unknown) => void = () => {};
    quickAddAction.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    quickAddAction.mockResolvedValueOnce(saved('Second'));
    const { title, submit } = renderForm();
    fireEvent.change(title, { target: { value: 'First' } });
    submit();
    submit();
    await waitFor(() => expect(quickAddAction).toHaveBeenCalledTimes(1));
    fireEvent.change(title, { target: { value: 'Second' } });
    submit();
    await waitFor(() => expect(quickAddAction).toHaveBeenCalledTimes(2));
    expect(quickAddAction.mock.calls.map(([request]) => request.text)).toEqual(['First', 'Second']);
    finish(saved('First'));
    expect(await screen.findByText('Added “First”')).toBeTruthy();
  });
});
