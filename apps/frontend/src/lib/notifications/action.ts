import type { SnoozePreset } from '@todo/contract';
import { requestOrigin } from '@/lib/http/request-origin';

/** What a notification's buttons ask for (public/sw.js names them the same). */
export const NOTIFICATION_ACTIONS = {
  complete: null,
  'snooze-10m': '10m',
  'snooze-1h': '1h',
  'snooze-tomorrow': 'tomorrow',
} as const satisfies Record<string, SnoozePreset | null>;
export type NotificationAction = keyof typeof NOTIFICATION_ACTIONS;

export interface ActionRequest {
  action: NotificationAction;
  taskId: number;
}

/** The body the service worker posts, or null when it is anything else. */
export function parseActionRequest(value: unknown): ActionRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { action, task_id: taskId } = value as Record<string, unknown>;
  if (typeof action !== 'string' || !Object.hasOwn(NOTIFICATION_ACTIONS, action)) return null;
  if (typeof taskId !== 'number' || !Number.isSafeInteger(taskId) || taskId < 1) return null;
  return { action: action as NotificationAction, taskId };
}

/**
 * Whether a request comes from this app's own pages or service worker: browsers send Origin on
 * every POST and Sec-Fetch-Site where they support it, and another site can set neither. A
 * request without Origin is refused (closed, not open).
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = headers.get('origin');
  return origin !== null && origin === requestOrigin(headers);
}
