import type { NotificationsConfig } from '../config.js';
import type { Channels } from './channel.js';
import { createEmailChannel, type EmailChannelOptions } from './email-channel.js';
import { createPushChannel, type PushChannelOptions } from './push-channel.js';

/** The channels the configuration turns on: push always (VAPID keys), email with SMTP_URL. */
export function createChannels(
  config: NotificationsConfig,
  options: { push?: PushChannelOptions; email?: EmailChannelOptions } = {},
): Channels {
  return {
    push: createPushChannel(config.push, options.push),
    email: createEmailChannel(config.email, options.email),
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
