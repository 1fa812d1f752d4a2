'use server';

import {
  type CalendarFeed,
  type NotificationSettings,
  type PushDevice,
  PushSubscriptionBody,
  UpdateNotificationSettingsBody,
} from '@todo/contract';
import { headers } from 'next/headers';
import Value from 'typebox/value';
import { unsubscribeDigest } from '@/lib/backend/client';
import { publicOrigin } from '@/lib/http/public-origin';
import { asUser, type SettingsResult } from './settings-result';

export type { SettingsResult };

const invalid = { ok: false, message: 'That setting is not one this app knows.' } as const;

export async function updateNotificationSettingsAction(
  body: UpdateNotificationSettingsBody,
): Promise<SettingsResult<NotificationSettings>> {
  if (!Value.Check(UpdateNotificationSettingsBody, body)) return invalid;
  return asUser((client) => client.updateNotificationSettings(body));
}

/** Stores this browser's push subscription (its toJSON()) under a label for the list. */
export async function addPushDeviceAction(
  body: PushSubscriptionBody,
): Promise<SettingsResult<PushDevice>> {
  if (!Value.Check(PushSubscriptionBody, body)) return invalid;
  const { endpoint, keys, label } = body;
  return asUser((client) =>
    client.addPushDevice({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, label }),
  );
}

const isId = (id: unknown): id is number =>
  typeof id === 'number' && Number.isSafeInteger(id) && id > 0;

export async function removePushDeviceAction(id: number): Promise<SettingsResult<null>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.removePushDevice(id));
}

export async function testPushDeviceAction(id: number): Promise<SettingsResult<null>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.testPushDevice(id));
}

/** The digest's unsubscribe link: no session, the token is the credential. */
export async function unsubscribeAction(token: string): Promise<SettingsResult<null>> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 500) {
    return { ok: false, message: 'This unsubscribe link is not complete.' };
  }
  const result = await unsubscribeDigest(token);
  return result.ok ? result : { ok: false, message: result.message };
}

/** A calendar feed just made, with its URL: shown once, as only the backend's hash remains. */
export interface IssuedCalendarFeed {
  feed: CalendarFeed;
  url: string;
}

/** Makes the feed of every task (null) or of one project, or gives it a new URL. */
export async function issueCalendarFeedAction(
  projectId: number | null,
): Promise<SettingsResult<IssuedCalendarFeed>> {
  if (projectId !== null && !isId(projectId)) return invalid;
  const origin = publicOrigin(await headers()) ?? '';
  const issued = await asUser((client) => client.createCalendarFeed({ project_id: projectId }));
  if (!issued.ok) return issued;
  const { token: _token, path, ...feed } = issued.data;
  return { ok: true, data: { feed, url: `${origin}${path}` } };
}

export async function deleteCalendarFeedAction(id: number): Promise<SettingsResult<null>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.deleteCalendarFeed(id));
}
