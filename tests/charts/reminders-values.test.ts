// todo-backend's reminder settings (issue 11): optional values that add env only when set.
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { IContainer, IEnvVar, ISecret } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { find, first, type K8sObject, render, templateRaw } from './helm.js';

const REMINDER_ENV = [
  'PUBLIC_APP_URL',
  'VAPID_SUBJECT',
  'VAPID_PUBLIC_KEY',
  'VAPID_PRIVATE_KEY',
  'SMTP_URL',
  'MAIL_FROM',
];

function container(objects: K8sObject[]): IContainer {
  return first(find<IDeployment>(objects, 'Deployment').spec?.template.spec?.containers);
}

const envOf = (objects: K8sObject[]) =>
  new Map((container(objects).env ?? []).map((v: IEnvVar) => [v.name, v]));

const allReminders = {
  reminders: {
    publicAppUrl: 'https://todo.example.com',
    push: { vapidSubject: 'mailto:ops@example.com', existingSecret: 'todo-vapid' },
    email: {
      existingSecret: 'todo-smtp',
      smtpUrlKey: 'url',
      mailFrom: 'Todo <todo@example.com>',
      smtpPort: 465,
    },
  },
};

describe('todo-backend reminder values', () => {
  it('adds no env and no Secret key by default (push keys derived, email off)', async () => {
    const objects = await render('todo-backend');
    const env = envOf(objects);
    for (const name of REMINDER_ENV) expect(env.has(name), name).toBe(false);
    expect(Object.keys(find<ISecret>(objects, 'Secret').stringData ?? {})).toEqual([
      'database-url',
      'better-auth-secret',
    ]);
  });

  it('reads the VAPID key pair and SMTP_URL from existing Secrets, the rest as plain values', async () => {
    const env = envOf(await render('todo-backend', { values: allReminders }));
    expect(env.get('PUBLIC_APP_URL')?.value).toBe('https://todo.example.com');
    expect(env.get('VAPID_SUBJECT')?.value).toBe('mailto:ops@example.com');
    expect(env.get('VAPID_PUBLIC_KEY')?.valueFrom?.secretKeyRef).toEqual({
      name: 'todo-vapid',
      key: 'vapid-public-key',
    });
    expect(env.get('VAPID_PRIVATE_KEY')?.valueFrom?.secretKeyRef).toEqual({
      name: 'todo-vapid',
      key: 'vapid-private-key',
    });
    expect(env.get('SMTP_URL')?.valueFrom?.secretKeyRef).toEqual({ name: 'todo-smtp', key: 'url' });
    expect(env.get('SMTP_URL')).not.toHaveProperty('value');
    expect(env.get('MAIL_FROM')?.value).toBe('Todo <todo@example.com>');
  });

  it('takes each setting alone: a subject without keys, keys without email', async () => {
    const subjectOnly = envOf(
      await render('todo-backend', { set: { 'reminders.push.vapidSubject': 'https://x.example' } }),
    );
    expect(subjectOnly.get('VAPID_SUBJECT')?.value).toBe('https://x.example');
    expect(subjectOnly.has('VAPID_PUBLIC_KEY')).toBe(false);
    const keysOnly = envOf(
      await render('todo-backend', { set: { 'reminders.push.existingSecret': 'todo-vapid' } }),
    );
    expect(keysOnly.has('VAPID_PRIVATE_KEY')).toBe(true);
    expect(keysOnly.has('SMTP_URL')).toBe(false);
    expect(keysOnly.has('MAIL_FROM')).toBe(false);
  });

  it('refuses email without a sender or a public app URL, saying what to set', async () => {
    const result = await templateRaw('todo-backend', {
      set: { 'reminders.email.existingSecret': 'todo-smtp' },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'reminders.email.mailFrom is required with reminders.email.existingSecret',
    );
    expect(result.stderr).toContain(
      'reminders.publicAppUrl is required with reminders.email.existingSecret',
    );
  });

  it('refuses values the backend would refuse at start-up (schema)', async () => {
    const refused: Record<string, string | number>[] = [
      { 'reminders.push.vapidSubject': 'ops@example.com' },
      { 'reminders.publicAppUrl': 'todo.example.com' },
      { 'reminders.email.smtpPort': 0 },
      { 'reminders.email.password': 'x' },
    ];
    for (const set of refused) {
      const result = await templateRaw('todo-backend', { set });
      expect(result.code, JSON.stringify(set)).not.toBe(0);
      expect(result.stderr).toContain('reminders');
    }
  });

  it('lets restricted egress reach push services (HTTPS) and, with email, the SMTP port', async () => {
    const egressOf = async (values: Record<string, unknown>) =>
      find<INetworkPolicy>(
        await render('todo-backend', {
          values: { ...values, networkPolicy: { enabled: true, egress: { enabled: true } } },
        }),
        'NetworkPolicy',
      ).spec?.egress ?? [];
    const pushOnly = await egressOf({});
    expect(pushOnly.at(-1)).toEqual({ ports: [{ port: 443, protocol: 'TCP' }] });
    const withEmail = await egressOf(allReminders);
    expect(withEmail.slice(-2)).toEqual([
      { ports: [{ port: 443, protocol: 'TCP' }] },
      { ports: [{ port: 465, protocol: 'TCP' }] },
    ]);
  });
});
