// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const createTaskAction = vi.hoisted(() => vi.fn());
vi.mock('@/components/tasks/actions', () => ({ createTaskAction }));

const { NewTaskForm } = await import('@/components/tasks/new-task-form');
const { ToastProvider } = await import('@/components/ui/toaster');

const onOptimistic = vi.fn();
const onOutcome = vi.fn();

function renderForm() {
  render(
    <ToastProvider>
      <NewTaskForm
        timeZone="Europe/Berlin"
        suggestions={['work']}
        onOptimistic={onOptimistic}
        onOutcome={onOutcome}
      />
    </ToastProvider>,
  );
  const form = screen.getByRole('form', { name: 'New task' });
  return {
    title: screen.getByLabelText('Title') as HTMLInputElement,
    description: screen.getByLabelText('Description (optional)') as HTMLTextAreaElement,
    submit: () => fireEvent.submit(form),
  };
}

describe('NewTaskForm', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    // As in a browser: the callback runs after React has drawn the messages.
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      setTimeout(() => callback(0), 0),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for a title before sending anything', async () => {
    const { title, submit } = renderForm();
    submit();
    expect(await screen.findByText('Give the task a title.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(createTaskAction).not.toHaveBeenCalled();
  });

  it('shows the task at once, then clears the form when it is saved', async () => {
    createTaskAction.mockResolvedValue({ ok: true, data: { title: 'Buy milk' } });
    const { title, description, submit } = renderForm();
    fireEvent.change(title, { target: { value: 'Buy milk' } });
    fireEvent.change(description, { target: { value: 'Oat' } });
    submit();
    await waitFor(() => expect(title.value).toBe(''));
    expect(onOptimistic).toHaveBeenCalledWith({
      type: 'add',
      task: expect.objectContaining({ title: 'Buy milk', description: 'Oat' }),
    });
    expect(createTaskAction).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Buy milk', description: 'Oat', priority: 'medium' }),
    );
    expect(await screen.findByText('Added “Buy milk”')).toBeTruthy();
    expect(onOutcome).toHaveBeenCalledWith(expect.objectContaining({ ok: true }));
  });

  it('keeps everything typed when the service is down', async () => {
    createTaskAction.mockResolvedValue({
      ok: false,
      reason: 'unavailable',
      message: 'down',
      errors: {},
    });
    const { title, description, submit } = renderForm();
    fireEvent.change(title, { target: { value: 'Buy milk' } });
    fireEvent.change(description, { target: { value: 'Oat' } });
    submit();
    expect((await screen.findByText(/What you typed is kept/)).getAttribute('role')).toBe('alert');
    expect(title.value).toBe('Buy milk');
    expect(description.value).toBe('Oat');
    expect(onOutcome).toHaveBeenCalledWith(expect.objectContaining({ reason: 'unavailable' }));
  });

  it('puts the backend’s field messages next to the fields', async () => {
    createTaskAction.mockResolvedValue({
      ok: false,
      reason: 'invalid',
      message: 'Some fields need attention.',
      errors: { title: 'must not contain control characters' },
    });
    const { title, submit } = renderForm();
    fireEvent.change(title, { target: { value: 'Bad' } });
    submit();
    expect(await screen.findByText('must not contain control characters')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.value).toBe('Bad');
  });
});
