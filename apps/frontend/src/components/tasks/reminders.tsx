'use client';

import type { Task } from '@todo/contract';
import { useEffect, useRef, useState } from 'react';
import { delayUntil, planReminders } from '@/lib/tasks/reminders';
import { BellIcon } from '../ui/icons';
import { useToast } from '../ui/toaster';

type Permission = NotificationPermission | 'unsupported' | 'unknown';

const ENABLED_KEY = 'todo.reminders';
const SHOWN_KEY = 'todo.reminders.shown';
const REPLAN_MS = 60 * 60 * 1000;

function loadShown(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(SHOWN_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/**
 * Browser notifications for tasks coming due while the app is open. Permission is asked only
 * when the user clicks "Enable reminders", never on load.
 */
export function Reminders({ tasks }: { tasks: Task[] }) {
  const [permission, setPermission] = useState<Permission>('unknown');
  const [enabled, setEnabled] = useState(false);
  const [tick, setTick] = useState(0);
  const shown = useRef<Set<string>>(new Set());
  const toast = useToast();

  useEffect(() => {
    if (!('Notification' in window)) {
      setPermission('unsupported');
      return;
    }
    setPermission(Notification.permission);
    setEnabled(localStorage.getItem(ENABLED_KEY) === 'on');
    shown.current = loadShown();
    const timer = setInterval(() => setTick((value) => value + 1), REPLAN_MS);
    return () => clearInterval(timer);
  }, []);

  const active = enabled && permission === 'granted';

  useEffect(() => {
    if (!active) return;
    void tick;
    const now = Date.now();
    const timers = planReminders(tasks, now, { shown: shown.current }).map((reminder) =>
      setTimeout(
        () => {
          shown.current.add(reminder.key);
          sessionStorage.setItem(SHOWN_KEY, JSON.stringify([...shown.current].slice(-200)));
          const notification = new Notification(reminder.title, {
            body: reminder.body,
            tag: reminder.key,
            icon: '/icon.svg',
          });
          notification.onclick = () => window.focus();
        },
        delayUntil(reminder, now),
      ),
    );
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [active, tasks, tick]);

  async function enable() {
    if (permission === 'granted') {
      localStorage.setItem(ENABLED_KEY, 'on');
      setEnabled(true);
      return;
    }
    const result = await Notification.requestPermission();
    setPermission(result);
    if (result === 'granted') {
      localStorage.setItem(ENABLED_KEY, 'on');
      setEnabled(true);
      toast({
        tone: 'success',
        message: 'Reminders on: 15 minutes before and when a task is due.',
      });
    } else {
      toast({ tone: 'info', message: 'Notifications are blocked; allow them in the browser.' });
    }
  }

  function disable() {
    localStorage.setItem(ENABLED_KEY, 'off');
    setEnabled(false);
  }

  if (permission === 'unknown' || permission === 'unsupported') return null;
  if (permission === 'denied') {
    return (
      <p className="reminder-status" title="Allow notifications for this site to get reminders">
        <BellIcon /> Reminders blocked by the browser
      </p>
    );
  }
  return active ? (
    <button
      type="button"
      className="button button-ghost button-small"
      title="Turn reminders off"
      onClick={disable}
    >
      <BellIcon /> Reminders on
    </button>
  ) : (
    <button
      type="button"
      className="button button-ghost button-small"
      onClick={() => void enable()}
    >
      <BellIcon /> Enable reminders
    </button>
  );
}
