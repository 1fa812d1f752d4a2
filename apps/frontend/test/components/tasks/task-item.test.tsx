// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SubtaskControls, TaskItem } from '@/components/tasks/task-item';
import { taskFixture } from '../../support/task-fixture';

vi.mock('next/link', async () => (await import('../../support/next-mocks')).nextLink());

function renderRow({ id = 7, subtask = false } = {}) {
  const handlers = { onToggle: vi.fn(), onEdit: vi.fn(), onDelete: vi.fn(), onMove: vi.fn() };
  const subtasks: SubtaskControls = {
    progress: null,
    expanded: false,
    listId: 'subtasks-7',
    onExpand: vi.fn(),
    onAdd: vi.fn(),
  };
  render(
    <TaskItem
      task={taskFixture({ id, title: 'Buy milk' })}
      now={new Date()}
      timeZone="UTC"
      subtasks={subtask ? undefined : subtasks}
      {...handlers}
      onMove={subtask ? undefined : handlers.onMove}
    />,
  );
  const button = screen.getByRole('button', { name: 'Actions for “Buy milk”' });
  return { button, handlers, subtasks };
}

const menu = () => screen.queryByRole('menu', { name: 'Actions for “Buy milk”' });
const items = () => screen.getAllByRole('menuitem').map((item) => item.textContent);
const key = (target: Element, name: string) => fireEvent.keyDown(target, { key: name });

describe('a task row’s actions menu', () => {
  afterEach(cleanup);

  it('is one button, the menu rendered only while it is open', () => {
    const { button } = renderRow();
    expect(screen.getAllByRole('button')).toEqual([button]);
    expect(button.id).toBe('task-7-actions');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menu()).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(menu()?.id);
    expect(items()).toEqual(['Edit', 'Add subtask', 'Move to…m', 'Delete']);
    expect(document.activeElement?.textContent).toBe('Edit');
  });

  it('offers a subtask only edit and delete (one level, moves with its parent)', () => {
    const { button } = renderRow({ subtask: true });
    fireEvent.click(button);
    expect(items()).toEqual(['Edit', 'Delete']);
  });

  it('opens on ArrowDown at the first item and on ArrowUp at the last', () => {
    const { button } = renderRow();
    key(button, 'ArrowDown');
    expect(document.activeElement?.textContent).toBe('Edit');
    key(document.activeElement as Element, 'Escape');
    key(button, 'ArrowUp');
    expect(document.activeElement?.textContent).toBe('Delete');
  });

  it('walks its items with the arrows (wrapping), Home and End', () => {
    const { button } = renderRow();
    fireEvent.click(button);
    const walk = (name: string) => {
      key(document.activeElement as Element, name);
      return document.activeElement?.textContent;
    };
    expect(walk('ArrowDown')).toBe('Add subtask');
    expect(walk('ArrowDown')).toBe('Move to…m');
    expect(walk('End')).toBe('Delete');
    expect(walk('ArrowDown')).toBe('Edit');
    expect(walk('ArrowUp')).toBe('Delete');
    expect(walk('Home')).toBe('Edit');
  });

  it('closes on Escape and gives focus back to its button', () => {
    const { button } = renderRow();
    fireEvent.click(button);
    key(document.activeElement as Element, 'Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on Tab, leaving focus to move on', () => {
    const { button } = renderRow();
    fireEvent.click(button);
    key(document.activeElement as Element, 'Tab');
    expect(menu()).toBeNull();
  });

  it('closes when the button is pressed again or a pointer goes down elsewhere', () => {
    const { button } = renderRow();
    fireEvent.click(button);
    fireEvent.click(button);
    expect(menu()).toBeNull();
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(menu()).toBeNull();
  });

  it('runs the chosen action with focus on its button, so a dialog returns focus there', () => {
    const { button, handlers, subtasks } = renderRow();
    const choose = (label: string) => {
      fireEvent.click(button);
      fireEvent.click(screen.getByRole('menuitem', { name: label }));
      expect(menu()).toBeNull();
      expect(document.activeElement).toBe(button);
    };
    choose('Edit');
    choose('Add subtask');
    choose('Move to…');
    choose('Delete');
    expect(handlers.onEdit).toHaveBeenCalledTimes(1);
    expect(subtasks.onAdd).toHaveBeenCalledTimes(1);
    expect(handlers.onMove).toHaveBeenCalledTimes(1);
    expect(handlers.onDelete).toHaveBeenCalledTimes(1);
  });

  it('owns its keys while open: the row’s m does not move the task behind it', () => {
    const { button, handlers } = renderRow();
    fireEvent.click(button);
    key(document.activeElement as Element, 'm');
    expect(handlers.onMove).not.toHaveBeenCalled();
  });

  it('cannot open for a task not saved yet', () => {
    const { button } = renderRow({ id: -1 });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
