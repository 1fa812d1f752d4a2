import type { Channels } from './channel.js';

const unavailable = async () => ({
  status: 'failed' as const,
  error: 'not configured',
  retry: false,
});

/** No push keys and no SMTP: reminders are scheduled and fire, but nothing is sent. */
export const noChannels: Channels = {
  push: { available: false, publicKey: null, send: unavailable },
  email: { available: false, send: unavailable },
};
