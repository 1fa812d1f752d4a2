import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { arrivals } from './arrivals.js';

/** A mail as it arrived: the envelope, the login used, and the parsed message. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** The user name the client logged in with, if any. */
  user: string | undefined;
  parsed: ParsedMail;
}

export interface SmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL (any user name and password are accepted). */
  url: string;
  mails: ReceivedMail[];
  /** Answer every mail from now on with this SMTP reply (e.g. 550, 451); null: accept again. */
  reject(reply: { code: number; message: string } | null): void;
  /** Resolves once `count` mails have arrived (fails after `timeoutMs`). */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A local SMTP server for tests (the `smtp-server` package), parsing what arrives. */
export async function startSmtpServer(): Promise<SmtpServer> {
  const mails = arrivals<ReceivedMail>('mails');
  let rejection: { code: number; message: string } | null = null;

  const server = new SMTPServer({
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to the server's self-signed TLS.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (rejection) {
            const error = Object.assign(new Error(rejection.message), {
              responseCode: rejection.code,
            });
            return callback(error);
          }
          mails.add({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails: mails.items,
    reject(reply) {
      rejection = reply;
    },
    waitForMails: mails.waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
