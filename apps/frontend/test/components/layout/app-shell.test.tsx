// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigation } from '../../support/next-mocks';
import { projectFixture } from '../../support/project-fixture';

vi.mock('@/components/projects/actions', () => ({}));
vi.mock('@/components/auth/sign-out-button', () => ({ SignOutButton: () => null }));
vi.mock('next/navigation', async () => (await import('../../support/next-mocks')).nextNavigation());
vi.mock('next/link', async () => (await import('../../support/next-mocks')).nextLink());

const { AppShell } = await import('@/components/layout/app-shell');
const { QUICK_ADD_INPUT_ID } = await import('@/components/tasks/quick-add-field');

function renderShell() {
  return render(
    <AppShell
      user={{ name: 'Ada', email: 'ada@example.com' }}
      projects={{ active: [projectFixture({ id: 1, open_count: 2 })], archived: [] }}
      tags={[]}
    >
      <input id={QUICK_ADD_INPUT_ID} aria-label="Title" defaultValue="draft" />
      <p>the view</p>
    </AppShell>,
  );
}

describe('AppShell', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    navigation.pathname = '/today';
  });
  afterEach(cleanup);

  it('opens the drawer from the header, moves focus in, and Escape closes it back to the button', () => {
    renderShell();
    const open = screen.getByRole('button', { name: 'Open navigation' });
    expect(screen.queryByRole('dialog', { name: 'Navigation' })).toBeNull();
    open.focus();
    fireEvent.click(open);
    const drawer = screen.getByRole('dialog', { name: 'Navigation' });
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(drawer.getAttribute('aria-modal')).toBe('true');
    expect(drawer.contains(document.activeElement)).toBe(true);
    expect(within(drawer).getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe(
      'page',
    );
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Navigation' })).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('closes the drawer on a click on the backdrop', () => {
    const { container } = renderShell();
    fireEvent.click(screen.getByRole('button', { name: 'Open navigation' }));
    fireEvent.click(container.querySelector('.drawer-backdrop') as Element);
    expect(screen.queryByRole('dialog', { name: 'Navigation' })).toBeNull();
  });

  it('keeps Tab inside the open drawer', () => {
    renderShell();
    fireEvent.click(screen.getByRole('button', { name: 'Open navigation' }));
    const drawer = screen.getByRole('dialog', { name: 'Navigation' });
    const controls = drawer.querySelectorAll<HTMLElement>('a[href], button:not([disabled])');
    const last = controls[controls.length - 1] as HTMLElement;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(controls[0]);
    fireEvent.keyDown(controls[0] as HTMLElement, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('goes to a view with g then a letter, and q focuses the new task’s title', () => {
    renderShell();
    for (const [letter, path] of [
      ['t', '/today'],
      ['u', '/upcoming'],
      ['i', '/inbox'],
    ] as const) {
      fireEvent.keyDown(document.body, { key: 'g' });
      fireEvent.keyDown(document.body, { key: letter });
      expect(navigation.push).toHaveBeenLastCalledWith(path);
    }
    fireEvent.keyDown(document.body, { key: 'q' });
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
    // Typing there is typing, not shortcuts.
    fireEvent.keyDown(document.activeElement as Element, { key: 'g' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'u' });
    expect(navigation.push).toHaveBeenCalledTimes(3);
  });

  it('lists the shortcuts on ? and closes the list with Escape', () => {
    renderShell();
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Go to Today')).toBeTruthy();
    expect(within(help).getByText('Move the focused task to another project')).toBeTruthy();
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });
});
