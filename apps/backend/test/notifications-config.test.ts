import { describe, expect, it } from 'vitest';
import webPush from 'web-push';
import { ConfigError, loadConfig } from '../src/config.js';
import { vapidKeysProblem } from '../src/notifications/vapid-keys.js';

const DATABASE_URL = 'postgres://todo@db.example.com:5432/todo';
const SECRET = 'x'.repeat(40);
const base = { DATABASE_URL, BETTER_AUTH_SECRET: SECRET };
const SMTP_URL = 'smtps://mailer:hunter2-smtp-password@smtp.example.com:465';

function configError(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('notifications config: VAPID keys', () => {
  it('derives the same valid key pair from the same secret, so every replica signs alike', () => {
    const first = loadConfig(base).notifications.push;
    const second = loadConfig(base).notifications.push;
    expect(first.keysDerived).toBe(true);
    expect(second).toEqual(first);
    expect(vapidKeysProblem(first)).toBeNull();
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const other = loadConfig({ ...base, BETTER_AUTH_SECRET: 'y'.repeat(40) }).notifications.push;
    expect(other.publicKey).not.toBe(first.publicKey);
  });

  it('uses a key pair from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (as web-push makes them)', () => {
    const keys = webPush.generateVAPIDKeys();
    const push = loadConfig({
      ...base,
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: ` ${keys.privateKey} `,
    }).notifications.push;
    expect(push).toMatchObject({ ...keys, keysDerived: false });
  });

  it('refuses one key without the other', () => {
    const keys = webPush.generateVAPIDKeys();
    for (const env of [
      { VAPID_PUBLIC_KEY: keys.publicKey },
      { VAPID_PRIVATE_KEY: keys.privateKey },
    ])
      expect(configError({ ...base, ...env })).toBe(
        'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together (or neither)',
      );
  });

  it('refuses a malformed private key without printing it', () => {
    const keys = webPush.generateVAPIDKeys();
    const privateKey = `${keys.privateKey}AAAA`;
    const message = configError({
      ...base,
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: privateKey,
    });
    expect(message).toBe('VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)');
    expect(message).not.toContain(keys.privateKey);
  });

  it('refuses a public key that is not a P-256 point, or not the private key’s', () => {
    const keys = webPush.generateVAPIDKeys();
    const other = webPush.generateVAPIDKeys();
    expect(
      configError({ ...base, VAPID_PUBLIC_KEY: 'abc', VAPID_PRIVATE_KEY: keys.privateKey }),
    ).toBe('VAPID_PUBLIC_KEY must be a base64url uncompressed P-256 public key (65 bytes)');
    const message = configError({
      ...base,
      VAPID_PUBLIC_KEY: other.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
    });
    expect(message).toBe('VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY');
    expect(message).not.toContain(keys.privateKey);
  });

  it('takes a mailto: or https: VAPID_SUBJECT, defaulting to the https app URL', () => {
    const subject = (env: Record<string, string>) =>
      loadConfig({ ...base, ...env }).notifications.push.subject;
    expect(subject({ VAPID_SUBJECT: 'mailto:ops@example.com' })).toBe('mailto:ops@example.com');
    expect(subject({ VAPID_SUBJECT: 'https://todo.example.com/contact' })).toBe(
      'https://todo.example.com/contact',
    );
    expect(subject({ PUBLIC_APP_URL: 'https://todo.example.com/' })).toBe(
      'https://todo.example.com',
    );
    expect(subject({})).toBe('mailto:reminders@localhost');
    for (const bad of ['ops@example.com', 'http://todo.example.com', 'mailto:'])
      expect(configError({ ...base, VAPID_SUBJECT: bad })).toBe(
        'VAPID_SUBJECT must be a mailto: address or an https:// URL',
      );
  });
});

describe('notifications config: email', () => {
  it('leaves email off without SMTP_URL', () => {
    expect(loadConfig(base).notifications.email).toBeNull();
    expect(loadConfig({ ...base, MAIL_FROM: 'todo@example.com' }).notifications.email).toBeNull();
  });

  it('reads SMTP_URL, MAIL_FROM and PUBLIC_APP_URL', () => {
    const email = loadConfig({
      ...base,
      NODE_ENV: 'production',
      SMTP_URL,
      MAIL_FROM: 'Todo <todo@example.com>',
      PUBLIC_APP_URL: 'https://todo.example.com',
    }).notifications.email;
    expect(email).toEqual({
      smtpUrl: SMTP_URL,
      from: 'Todo <todo@example.com>',
      publicAppUrl: 'https://todo.example.com',
    });
  });

  it('links to http://localhost:3000 outside production when PUBLIC_APP_URL is unset', () => {
    const email = loadConfig({ ...base, SMTP_URL: 'smtp://localhost:1025', MAIL_FROM: 'a@b.test' })
      .notifications.email;
    expect(email?.publicAppUrl).toBe('http://localhost:3000');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps:// without echoing it', () => {
    for (const url of [
      'https://mailer:hunter2-smtp-password@smtp.example.com',
      'hunter2-smtp-password',
    ]) {
      const message = configError({ ...base, SMTP_URL: url, MAIL_FROM: 'todo@example.com' });
      expect(message).toBe('SMTP_URL must be an smtp:// or smtps:// URL');
      expect(message).not.toContain('hunter2');
    }
  });

  it('requires MAIL_FROM with SMTP_URL, and a real address in it', () => {
    expect(configError({ ...base, SMTP_URL })).toContain('MAIL_FROM is required with SMTP_URL');
    for (const from of ['todo', 'Todo <todo>', 'todo@@'])
      expect(configError({ ...base, SMTP_URL, MAIL_FROM: from })).toContain(
        'MAIL_FROM must be an address',
      );
  });

  it('requires PUBLIC_APP_URL with SMTP_URL in production, and an origin in it', () => {
    const production = { ...base, NODE_ENV: 'production', SMTP_URL, MAIL_FROM: 'a@example.com' };
    const message = configError(production);
    expect(message).toBe(
      'PUBLIC_APP_URL is required with SMTP_URL: the origin links in emails open',
    );
    expect(message).not.toContain('hunter2');
    expect(configError({ ...production, PUBLIC_APP_URL: 'todo.example.com' })).toContain(
      'PUBLIC_APP_URL must be an origin like https://todo.example.com',
    );
    expect(configError({ ...production, PUBLIC_APP_URL: 'https://x.example.com/app' })).toContain(
      'PUBLIC_APP_URL must be an origin',
    );
  });

  it('reports every notifications problem at once, on one line', () => {
    const message = configError({
      ...base,
      NODE_ENV: 'production',
      VAPID_PUBLIC_KEY: 'abc',
      VAPID_SUBJECT: 'nobody',
      SMTP_URL: 'ftp://x',
    });
    for (const name of [
      'VAPID_PUBLIC_KEY',
      'VAPID_SUBJECT',
      'SMTP_URL',
      'MAIL_FROM',
      'PUBLIC_APP_URL',
    ])
      expect(message).toContain(name);
    expect(message).not.toContain('\n');
  });
});
