import type { NotificationSettings } from '@todo/contract';
import type { NotificationsConfig } from '../config.js';
import type { OutboundPolicy } from '../lib/outbound-url.js';
import type { Channels } from './channel.js';
import { createEmailChannel } from './email-channel.js';
import { createPushChannel } from './push-channel.js';

/** What the settings answer says about the server's channels. */
export type ChannelStatus = Pick<
  NotificationSettings,
  'push_available' | 'email_available' | 'vapid_public_key'
>;

/** Whether this server can push and mail: the UI hides push and says email is off accordingly. */
export function channelStatus(channels: Channels): ChannelStatus {
  return {
    push_available: channels.push.available,
    email_available: channels.email.available,
    vapid_public_key: channels.push.available ? channels.push.publicKey : null,
  };
}

const off = { status: 'failed', error: 'channel not configured', retry: false } as const;

/** The channels of a server that can send nothing (until the app is given real ones). */
export const NO_CHANNELS: Channels = {
  push: { available: false, publicKey: null, send: async () => off },
  email: { available: false, send: async () => off },
};

/**
 * The channels the configuration turns on; none without one (tests that send nothing). Every
 * push goes through the SSRF guard of `outbound` first.
 */
export function createChannels(
  config: NotificationsConfig | undefined,
  outbound: OutboundPolicy,
): Channels {
  if (!config) return NO_CHANNELS;
  return {
    push: createPushChannel(config.push, { outbound }),
    email: createEmailChannel(config.email),
  };
}

/** One line for the start-up log: what is on, and where the VAPID key comes from (no secrets). */
export function describeChannels(config: NotificationsConfig): string {
  const keys = config.push.keysDerived
    ? 'VAPID key derived from BETTER_AUTH_SECRET'
    : 'VAPID key from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY';
  const email = config.email
    ? `email on (from ${config.email.from})`
    : 'email off (SMTP_URL unset)';
  return `reminders: web push on (${keys}), ${email}`;
}
