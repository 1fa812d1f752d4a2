import type { NotificationSettings } from '@todo/contract';
import type { Channels } from './channel.js';

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
