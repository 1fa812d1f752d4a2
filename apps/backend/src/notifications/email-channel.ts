import type { NodemailerError, Transporter } from 'nodemailer';
import type { EmailConfig } from '../config.js';
import type { EmailChannel, MailMessage, SendOutcome } from './channel.js';

export interface EmailChannelOptions {
  /** Give up on an SMTP server that does not connect, greet or answer within this time. */
  timeoutMs?: number;
}

/**
 * What an SMTP failure means for the delivery: a permanent (5xx) refusal is not retried; a
 * connection failure, a timeout or a 4xx may succeed later.
 */
export function emailOutcome(error: NodemailerError): SendOutcome {
  const detail = error.responseCode
    ? `SMTP ${error.responseCode}: ${error.response ?? error.message}`
    : error.message;
  return { status: 'failed', error: detail.slice(0, 300), retry: error.permanent !== true };
}

const OFF: EmailChannel = {
  available: false,
  async send() {
    return { status: 'failed', error: 'email is off: SMTP_URL is not set', retry: false };
  },
};

/** Email through SMTP_URL with nodemailer; off (available: false) when SMTP_URL is unset. */
export function createEmailChannel(
  config: EmailConfig | null,
  { timeoutMs = 10_000 }: EmailChannelOptions = {},
): EmailChannel {
  if (!config) return OFF;
  // Created on the first mail, so nodemailer (~0.4 s to import here) does not slow start-up.
  let transport: Promise<Transporter> | undefined;
  const transporter = () => {
    transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        url: config.smtpUrl,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      }),
    );
    return transport;
  };
  return {
    available: true,
    async send(message: MailMessage) {
      try {
        await (await transporter()).sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          headers: message.headers ?? {},
        });
        return { status: 'sent' };
      } catch (error) {
        return emailOutcome(error as NodemailerError);
      }
    },
  };
}
