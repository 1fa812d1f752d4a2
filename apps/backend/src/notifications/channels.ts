import type { NotificationsConfig } from '../config.js';
import type { Channels } from './channel.js';
import { createEmailChannel } from './email-channel.js';
import { createPushChannel } from './push-channel.js';

/** The channels the configuration turns on: Web Push always, email with SMTP_URL. */
export function createChannels(config: NotificationsConfig): Channels {
  return { push: createPushChannel(config.push), email: createEmailChannel(config.email) };
}
