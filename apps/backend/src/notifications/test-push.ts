import type { PushPayload } from '@todo/contract';
import type { Database } from '@todo/db/client';
import type { PushChannel, PushTarget } from './channel.js';
import { type DeliveryOutcome, deliverOnce } from './deliver.js';

/** A test push is worth showing only while the person waits for it. */
const TEST_TTL_SECONDS = 60;

/** What the settings page's test button shows on the device. */
export function testPushPayload(deviceId: number): PushPayload {
  return {
    type: 'test',
    tag: `test-${deviceId}`,
    title: 'Test notification',
    body: 'Reminders will arrive on this device like this.',
    task_id: null,
    due_at: null,
    late: false,
    url: '/settings',
  };
}

/**
 * Sends a test push to one device now, recorded as a delivery like any reminder (kind `test`,
 * one row per press: the key carries the time).
 */
export function sendTestPush(
  db: Database,
  push: PushChannel,
  userId: string,
  device: PushTarget,
): Promise<DeliveryOutcome> {
  const now = new Date();
  return deliverOnce(
    db,
    {
      key: `test:push:${device.id}:${now.toISOString()}`,
      userId,
      kind: 'test',
      channel: 'push',
      target: String(device.id),
      fireAt: now,
    },
    () =>
      push.send(device, testPushPayload(device.id), {
        topic: `test-${device.id}`,
        ttlSeconds: TEST_TTL_SECONDS,
        urgency: 'high',
      }),
  );
}
