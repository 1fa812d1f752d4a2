// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskQuestion } from '@/components/tasks/task-question';
import { taskFixture } from '../../support/task-fixture';

afterEach(cleanup);

const parent = taskFixture({ id: 7, title: 'Plan the trip', subtask_count: 5 });
const subtasks = [taskFixture({ id: 8, parent_id: 7 }), taskFixture({ id: 9, parent_id: 7 })];

function ask(question: Parameters<typeof TaskQuestion>[0]['question']) {
  const handlers = { onClose: vi.fn(), onComplete: vi.fn(), onDelete: vi.fn() };
  render(<TaskQuestion question={question} {...handlers} />);
  return { dialog: screen.getByRole('dialog'), ...handlers };
}

describe('completing a parent with open subtasks', () => {
  it('asks, named by the count, with “Complete all” focused', () => {
    const { dialog } = ask({ kind: 'complete', task: parent, open: 3 });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading').textContent).toBe('Complete 3 open subtasks too?');
    expect(document.activeElement?.textContent).toBe('Complete all');
  });

  it('“Complete all” completes the subtasks too; “Only this task” does not', () => {
    const all = ask({ kind: 'complete', task: parent, open: 1 });
    expect(within(all.dialog).getByRole('heading').textContent).toBe(
      'Complete 1 open subtask too?',
    );
    fireEvent.click(within(all.dialog).getByRole('button', { name: 'Complete all' }));
    expect(all.onClose).toHaveBeenCalledOnce();
    expect(all.onComplete).toHaveBeenCalledWith(parent, true);
    cleanup();

    const only = ask({ kind: 'complete', task: parent, open: 3 });
    fireEvent.click(within(only.dialog).getByRole('button', { name: 'Only this task' }));
    expect(only.onComplete).toHaveBeenCalledWith(parent, false);
  });

  it('Cancel and Escape change nothing', () => {
    const { dialog, onClose, onComplete } = ask({ kind: 'complete', task: parent, open: 3 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onComplete).not.toHaveBeenCalled();
  });
});

describe('deleting a parent', () => {
  it('names the subtasks that go with it and hands them over for Undo', () => {
    const { dialog, onDelete, onClose } = ask({ kind: 'delete', task: parent, subtasks, count: 5 });
    expect(within(dialog).getByRole('heading').textContent).toBe(
      'Delete “Plan the trip” and its 5 subtasks?',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete all' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(onDelete).toHaveBeenCalledWith(parent, subtasks);
  });

  it('Cancel, focused first, deletes nothing', () => {
    const { dialog, onDelete } = ask({ kind: 'delete', task: parent, subtasks, count: 1 });
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(within(dialog).getByRole('heading').textContent).toBe(
      'Delete “Plan the trip” and its 1 subtask?',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onDelete).not.toHaveBeenCalled();
  });
});
