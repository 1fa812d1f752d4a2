import type { PushPayload } from '@todo/contract';
import type {
  Channels,
  MailMessage,
  PushOptions,
  PushTarget,
  SendOutcome,
} from '../../src/notifications/channel.js';

/**
 * Channels that stand in for a push service and a mail server inside one process: they record
 * what they were given and answer `sent`, or the outcomes queued with answer(). The multi-process
 * tests send through real HTTP instead (tests/reliability/reminders-delivery.test.ts).
 */
export function recordingChannels() {
  const pushes: { target: PushTarget; payload: PushPayload; options: PushOptions }[] = [];
  const mails: MailMessage[] = [];
  const queued: SendOutcome[] = [];
  const outcome = async (): Promise<SendOutcome> => queued.shift() ?? { status: 'sent' };
  const channels: Channels = {
    push: {
      available: true,
      publicKey: 'test-public-key',
      async send(target, payload, options) {
        pushes.push({ target, payload, options });
        return outcome();
      },
    },
    email: {
      available: true,
      async send(message) {
        mails.push(message);
        return outcome();
      },
    },
  };
  return {
    channels,
    pushes,
    mails,
    /** The next sends answer these, in order (then `sent` again). */
    answer: (...outcomes: SendOutcome[]) => queued.push(...outcomes),
  };
}
