import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SmtpServer, startSmtpServer } from '../../../../tests/support/smtp-server.js';
import { createEmailChannel } from '../../src/notifications/email-channel.js';
import { reminderEmail } from '../../src/notifications/reminder-email.js';

const APP_URL = 'https://todo.example.test';
const FROM = 'Todo <todo@example.test>';

const facts = {
  reminderId: 12,
  taskId: 34,
  title: 'Pay <rent> & bills',
  // 09:30 in Tokyo on Tuesday 1 December, still Monday 30 November in UTC.
  dueAt: new Date('2026-12-01T00:30:00Z'),
  timeZone: 'Asia/Tokyo',
  fireAt: new Date('2026-12-01T00:00:00Z'),
  late: false,
};

let smtp: SmtpServer;
const channelFor = (smtpUrl: string, timeoutMs?: number) =>
  createEmailChannel({ smtpUrl, from: FROM, publicAppUrl: APP_URL }, { timeoutMs });

beforeAll(async () => {
  smtp = await startSmtpServer();
});
beforeEach(() => smtp.reject(null));
afterAll(() => smtp.close());

describe('email channel', () => {
  it('is off without SMTP_URL and says so instead of sending', async () => {
    const channel = createEmailChannel(null);
    expect(channel.available).toBe(false);
    expect(await channel.send(reminderEmail(facts, 'a@example.test', APP_URL))).toEqual({
      status: 'failed',
      error: 'email is off: SMTP_URL is not set',
      retry: false,
    });
  });

  it('sends a reminder with plain-text and HTML bodies, logged in as SMTP_URL says', async () => {
    const url = smtp.url.replace('smtp://', 'smtp://mailer:s3cret@');
    const channel = channelFor(url);
    expect(channel.available).toBe(true);
    const before = smtp.mails.length;
    const outcome = await channel.send(reminderEmail(facts, 'ann@example.test', APP_URL));
    expect(outcome).toEqual({ status: 'sent' });
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
    expect(mail?.user).toBe('mailer');
    expect(mail?.envelopeTo).toEqual(['ann@example.test']);
    const parsed = mail?.parsed;
    expect(parsed?.from?.value).toEqual([{ name: 'Todo', address: 'todo@example.test' }]);
    expect(parsed?.subject).toBe('Reminder: Pay <rent> & bills');
    expect(parsed?.messageId).toBe(
      `<reminder-12-${facts.fireAt.getTime().toString(36)}@todo.example.test>`,
    );
    // The due time in the task's zone, and a link to the task on the app's public origin.
    expect(parsed?.text).toContain('Due Tue 1 Dec, 09:30');
    expect(parsed?.text).toContain('https://todo.example.test/tasks/34');
    expect(parsed?.html).toContain('<strong>Pay &lt;rent&gt; &amp; bills</strong>');
    expect(parsed?.html).toContain('href="https://todo.example.test/tasks/34"');
    expect(parsed?.text).not.toContain('Sent late');
  });

  it('says when a reminder is sent late', async () => {
    const before = smtp.mails.length;
    await channelFor(smtp.url).send(reminderEmail({ ...facts, late: true }, 'a@x.test', APP_URL));
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
    expect(mail?.parsed.text).toContain('Sent late: no server was running at the reminder time.');
  });

  it('gives up on a permanent refusal and retries a temporary one', async () => {
    const message = reminderEmail(facts, 'a@example.test', APP_URL);
    smtp.reject({ code: 550, message: 'mailbox unavailable' });
    expect(await channelFor(smtp.url).send(message)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('SMTP 550'),
      retry: false,
    });
    smtp.reject({ code: 451, message: 'try again later' });
    expect(await channelFor(smtp.url).send(message)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('SMTP 451'),
      retry: true,
    });
  });

  it('retries when the SMTP server cannot be reached or never greets, within its timeout', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const message = reminderEmail(facts, 'a@example.test', APP_URL);
    try {
      const started = Date.now();
      expect(await channelFor(`smtp://127.0.0.1:${port}`, 500).send(message)).toMatchObject({
        status: 'failed',
        retry: true,
      });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
    expect(await channelFor(`smtp://127.0.0.1:${port}`, 500).send(message)).toMatchObject({
      status: 'failed',
      retry: true,
    });
  });
});
