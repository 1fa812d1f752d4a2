// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MoveTaskDialog } from '@/components/projects/move-task-dialog';
import { TaskItem } from '@/components/tasks/task-item';
import { projectFixture } from '../../support/project-fixture';
import { taskFixture } from '../../support/task-fixture';

vi.mock('next/link', async () => (await import('../../support/next-mocks')).nextLink());

const task = taskFixture({ id: 7, title: 'Buy milk', project_id: 1 });
const projects = [
  projectFixture({ id: 1, name: 'Inbox', is_inbox: true }),
  projectFixture({ id: 2, name: 'Home', is_inbox: false, color: 'teal' }),
  projectFixture({ id: 3, name: 'Work', is_inbox: false, color: 'red' }),
];

function renderItem(shown: typeof task, onMove: () => void) {
  render(
    <TaskItem
      task={shown}
      now={new Date()}
      timeZone="UTC"
      onToggle={vi.fn()}
      onEdit={vi.fn()}
      onDelete={vi.fn()}
      onMove={onMove}
    />,
  );
}

describe('moving a task', () => {
  afterEach(cleanup);

  it('opens the chooser with m anywhere in the row, and from its menu', () => {
    const onMove = vi.fn();
    renderItem(task, onMove);
    const actions = screen.getByRole('button', { name: 'Actions for “Buy milk”' });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Mark “Buy milk” as done' }), {
      key: 'm',
    });
    fireEvent.keyDown(actions, { key: 'm' });
    fireEvent.keyDown(actions, { key: 'm', ctrlKey: true });
    expect(onMove).toHaveBeenCalledTimes(2);
    fireEvent.click(actions);
    const item = screen.getByRole('menuitem', { name: 'Move to…' });
    expect(item.getAttribute('aria-keyshortcuts')).toBe('m');
    fireEvent.click(item);
    expect(onMove).toHaveBeenCalledTimes(3);
  });

  it('does not open it for a task not saved yet', () => {
    const onMove = vi.fn();
    renderItem({ ...task, id: -1 }, onMove);
    fireEvent.keyDown(screen.getByRole('checkbox'), { key: 'm' });
    expect(onMove).not.toHaveBeenCalled();
  });

  it('offers every project, marks where the task is, and moves it to the chosen one', () => {
    const onMove = vi.fn();
    render(<MoveTaskDialog task={task} projects={projects} onMove={onMove} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Move “Buy milk” to…' });
    const radios = within(dialog).getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Inbox (where it is now)',
      'Home',
      'Work',
    ]);
    // The first other project is chosen and focused: Enter moves it there.
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: 'Home' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Work' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(onMove).toHaveBeenCalledWith(3);
  });

  it('leaves the task where it is on Escape', () => {
    const onMove = vi.fn();
    const onClose = vi.fn();
    render(<MoveTaskDialog task={task} projects={projects} onMove={onMove} onClose={onClose} />);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    expect(onMove).not.toHaveBeenCalled();
  });
});
