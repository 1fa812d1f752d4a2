// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigation } from '../../support/next-mocks';
import { projectFixture } from '../../support/project-fixture';

const actions = vi.hoisted(() => ({
  arrangeProjectAction: vi.fn(),
  createProjectAction: vi.fn(),
  deleteProjectAction: vi.fn(),
  editProjectAction: vi.fn(),
  moveTaskAction: vi.fn(),
}));
vi.mock('@/components/projects/actions', () => actions);
vi.mock('next/navigation', async () => (await import('../../support/next-mocks')).nextNavigation());
vi.mock('next/link', async () => (await import('../../support/next-mocks')).nextLink());

const { Sidebar } = await import('@/components/layout/sidebar');
const { ProjectsProvider } = await import('@/components/projects/projects-context');
const { ToastProvider } = await import('@/components/ui/toaster');

const inbox = projectFixture({ id: 1, name: 'Inbox', is_inbox: true, open_count: 4 });
const home = projectFixture({
  id: 2,
  name: 'Home',
  color: 'teal',
  position: 1,
  is_inbox: false,
  open_count: 3,
  version: 5,
});
const work = projectFixture({ id: 3, name: 'Work', color: 'red', position: 2, is_inbox: false });
const old = projectFixture({ id: 4, name: 'Old', position: 0, is_inbox: false, archived: true });

function renderSidebar() {
  return render(
    <ToastProvider>
      <ProjectsProvider value={{ active: [inbox, home, work], archived: [old] }}>
        <Sidebar tags={[{ tag: 'errand', count: 2 }]} />
      </ProjectsProvider>
    </ToastProvider>,
  );
}

const nav = () => screen.getByRole('navigation', { name: 'Views and projects' });

describe('Sidebar', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    navigation.pathname = '/projects/2';
  });
  afterEach(cleanup);

  it('links every view and project, with open counts, and marks the current one', () => {
    renderSidebar();
    const links = within(nav()).getAllByRole('link');
    expect(
      links.map((link) => [
        link.getAttribute('aria-label') ?? link.textContent,
        link.getAttribute('href'),
      ]),
    ).toEqual([
      ['Inbox, 4 open', '/inbox'],
      ['Today', '/today'],
      ['Upcoming', '/upcoming'],
      ['All tasks', '/'],
      ['Home, 3 open', '/projects/2'],
      ['Work', '/projects/3'],
      ['#errand', '/?tag=errand'],
    ]);
    expect(screen.getByRole('link', { name: /^Home\b/ }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBeNull();
  });

  it('says when the projects could not be loaded, rather than that there are none', () => {
    render(
      <ProjectsProvider value={{ active: [], archived: [], unavailable: true }}>
        <Sidebar tags={[]} />
      </ProjectsProvider>,
    );
    expect(screen.getByText('Projects could not be loaded.')).toBeTruthy();
    expect(screen.queryByText('No projects yet.')).toBeNull();
  });

  it('shows archived projects only behind the toggle', () => {
    renderSidebar();
    expect(screen.queryByRole('link', { name: 'Old' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show archived projects (1)' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(screen.getByRole('list', { name: 'Archived projects' })).getByRole('link').textContent,
    ).toBe('Old');
  });

  it('opens a project’s menu from the keyboard and moves the project down', async () => {
    actions.arrangeProjectAction.mockResolvedValue({ ok: true, data: home });
    renderSidebar();
    const button = screen.getByRole('button', { name: 'Options for Home' });
    fireEvent.click(button);
    const menu = screen.getByRole('menu', { name: 'Options for Home' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => [item.textContent, (item as HTMLButtonElement).disabled])).toEqual([
      ['Edit…', false],
      ['Move up', true],
      ['Move down', false],
      ['Archive', false],
      ['Delete…', false],
    ]);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Move down');
    fireEvent.click(document.activeElement as Element);
    await waitFor(() =>
      expect(actions.arrangeProjectAction).toHaveBeenCalledWith(2, 5, { position: 2 }),
    );
    expect(await screen.findByText('Moved “Home” down')).toBeTruthy();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes the menu with Escape and gives focus back to its button', () => {
    renderSidebar();
    const button = screen.getByRole('button', { name: 'Options for Work' });
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('creates a project, and shows a duplicate name refused by the backend beside the name', async () => {
    actions.createProjectAction.mockResolvedValueOnce({
      ok: false,
      reason: 'refused',
      message: 'You already have a project named “Home”.',
      errors: {},
    });
    renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: 'Add project' }));
    const dialog = screen.getByRole('dialog', { name: 'Add project' });
    const name = within(dialog).getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add project' }));
    expect(await within(dialog).findByText('Give the project a name.')).toBeTruthy();
    expect(actions.createProjectAction).not.toHaveBeenCalled();
    fireEvent.change(name, { target: { value: 'home' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Purple' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add project' }));
    expect(
      await within(dialog).findByText('You already have a project named “Home”.'),
    ).toBeTruthy();
    expect(actions.createProjectAction).toHaveBeenCalledWith({ name: 'home', color: 'purple' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((name as HTMLInputElement).value).toBe('home');
  });

  it('asks before deleting: moves the tasks to the chosen project, then deletes', async () => {
    actions.deleteProjectAction.mockResolvedValue({ ok: true, data: null });
    renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: 'Options for Home' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Home”?' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      within(dialog).getByText('It has 3 open tasks. Choose what happens to its tasks.'),
    ).toBeTruthy();
    // Cancel has the first focus: Enter right away destroys nothing.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.change(within(dialog).getByLabelText('Move to'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move tasks and delete' }));
    await waitFor(() => expect(actions.deleteProjectAction).toHaveBeenCalledWith(2, 5, 3));
    expect(await screen.findByText('Deleted “Home”; its tasks are in “Work”')).toBeTruthy();
    // It was the page on show: off to where its tasks went.
    expect(navigation.push).toHaveBeenCalledWith('/projects/3');
  });

  it('deletes a project with its tasks when asked to', async () => {
    actions.deleteProjectAction.mockResolvedValue({ ok: true, data: null });
    renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: 'Options for Home' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('radio', { name: /Delete the project and its tasks/ }),
    );
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Delete project and 3 open tasks' }),
    );
    await waitFor(() => expect(actions.deleteProjectAction).toHaveBeenCalledWith(2, 5, null));
  });

  it('keeps the dialog open with the reason when the backend refuses', async () => {
    actions.deleteProjectAction.mockResolvedValue({
      ok: false,
      reason: 'conflict',
      message: 'This project was changed elsewhere. Look again, then retry.',
      errors: {},
    });
    renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: 'Options for Work' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /^Delete project/ }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'This project was changed elsewhere. Look again, then retry.',
    );
  });
});
