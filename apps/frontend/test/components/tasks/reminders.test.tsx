// @vitest-environment jsdom

import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Task } from '@todo/contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reminders } from '@/components/tasks/reminders';
import { ToastProvider } from '@/components/ui/toaster';
import { taskFixture } from '../../support/task-fixture';

const shown: { title: string; body?: string }[] = [];
let permission: NotificationPermission = 'default';
const requestPermission = vi.fn(async () => {
  permission = 'granted';
  return permission;
});

class FakeNotification {
  static get permission() {
    return permission;
  }
  static requestPermission = requestPermission;
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, body: options?.body });
  }
}

const now = Date.parse('2025-06-04T12:00:00Z');
const task = (minutes: number): Task =>
  taskFixture({
    title: 'Leave for the station',
    priority: 'high',
    due_at: new Date(now + minutes * 60_000).toISOString(),
  });

describe('Reminders', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      now,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    shown.length = 0;
    permission = 'default';
    requestPermission.mockClear();
    localStorage.clear();
    sessionStorage.clear();
    vi.stubGlobal('Notification', FakeNotification);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('never asks for permission on load, only when the button is clicked', async () => {
    render(
      <ToastProvider>
        <Reminders tasks={[task(30)]} />
      </ToastProvider>,
    );
    expect(requestPermission).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enable reminders' }));
    });
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Reminders on' })).toBeTruthy();
    expect(localStorage.getItem('todo.reminders')).toBe('on');

    await act(async () => {
      vi.advanceTimersByTime(15 * 60_000);
    });
    expect(shown).toEqual([{ title: 'Due in 15 minutes', body: 'Leave for the station' }]);
    await act(async () => {
      vi.advanceTimersByTime(15 * 60_000);
    });
    expect(shown.map((notification) => notification.title)).toEqual([
      'Due in 15 minutes',
      'Due now',
    ]);
  });

  it('stays quiet when turned off, and says so when the browser blocks it', async () => {
    permission = 'granted';
    localStorage.setItem('todo.reminders', 'off');
    const { unmount } = render(
      <ToastProvider>
        <Reminders tasks={[task(20)]} />
      </ToastProvider>,
    );
    await act(async () => {
      vi.advanceTimersByTime(30 * 60_000);
    });
    expect(shown).toEqual([]);
    unmount();

    permission = 'denied';
    render(
      <ToastProvider>
        <Reminders tasks={[task(20)]} />
      </ToastProvider>,
    );
    expect(screen.getByText('Reminders blocked by the browser')).toBeTruthy();
  });
});
