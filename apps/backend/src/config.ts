import { randomBytes } from 'node:crypto';
import { authSecretProblem } from '@todo/contract';
import type { OutboundPolicy } from './lib/outbound-url.js';
import { deriveVapidKeys, type VapidKeys, vapidKeysProblem } from './notifications/vapid-keys.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the backend reads from its environment, validated once at start-up. */
export interface Config {
  server: { host: string; port: number; production: boolean; shutdownTimeoutMs: number };
  database: { url: string; poolMax: number; migrateOnStart: boolean };
  auth: { secret: string; secretGenerated: boolean };
  http: { corsOrigins: string[]; logLevel: LogLevel };
  /** `port`: serve GET /metrics only on this port (METRICS_PORT) of `host`; unset, on the API's port. */
  metrics: { host: string; port: number | undefined };
  /** URLs the backend sends to for users (push endpoints): lib/outbound-url.ts. */
  outbound: OutboundPolicy;
  notifications: NotificationsConfig;
  /**
   * `workers`: this process delivers reminders (REMINDER_WORKERS, default true: every replica).
   * `jobTimeoutSeconds`: how long a delivery job may run before another replica retries it.
   */
  reminders: { workers: boolean; jobTimeoutSeconds: number };
}

export interface NotificationsConfig {
  /** Web Push is always on: without VAPID_* keys the pair is derived from BETTER_AUTH_SECRET. */
  push: VapidKeys & { subject: string; keysDerived: boolean };
  /** Null when SMTP_URL is unset: email is off. */
  email: EmailConfig | null;
}

export interface EmailConfig {
  smtpUrl: string;
  from: string;
  /** The frontend's public origin, for links in emails. */
  publicAppUrl: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]) {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  problems.push(`${name} must be true or false`);
  return fallback;
}

function databaseUrl(env: Env, problems: string[]): string {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    problems.push(
      'DATABASE_URL is required: a postgres:// connection URL (npm start sets a local one)',
    );
    return '';
  }
  try {
    const url = new URL(raw);
    if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') return raw;
  } catch {}
  // The value may hold a password: name the variable, never echo it.
  problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  return '';
}

function corsOrigins(env: Env, problems: string[]): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let valid = false;
    try {
      valid = new URL(origin).origin === origin.replace(/\/$/, '');
    } catch {}
    if (!valid)
      problems.push(`CORS_ORIGINS entry "${origin}" is not an origin like https://app.example.com`);
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

function metricsPort(env: Env, problems: string[]): number | undefined {
  if (!env.METRICS_PORT?.trim()) return undefined;
  const port = integer(env, 'METRICS_PORT', 0, 1, 65535, problems);
  if (port === 0) return undefined;
  // The point of a separate port is that the API's port (and its Service) never serves /metrics.
  if (port === integer(env, 'PORT', 8000, 1, 65535, []))
    problems.push('METRICS_PORT must differ from PORT');
  return port;
}

function httpOrigin(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/')
      return url.origin;
  } catch {}
  problems.push(`${name} must be an origin like https://todo.example.com`);
  return undefined;
}

function vapidKeys(env: Env, secret: string, problems: string[]) {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (!publicKey && !privateKey) return { ...deriveVapidKeys(secret), keysDerived: true };
  if (!publicKey || !privateKey) {
    problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together (or neither)');
  } else {
    const problem = vapidKeysProblem({ publicKey, privateKey });
    if (!problem) return { publicKey, privateKey, keysDerived: false };
    problems.push(problem);
  }
  return { ...deriveVapidKeys(secret), keysDerived: false };
}

function vapidSubject(env: Env, appUrl: string | undefined, problems: string[]): string {
  const raw = env.VAPID_SUBJECT?.trim();
  if (raw) {
    if (/^mailto:[^\s@]+@[^\s@]+$/.test(raw) || raw.startsWith('https://')) return raw;
    problems.push('VAPID_SUBJECT must be a mailto: address or an https:// URL');
  }
  // Push services may contact the sender through it; Apple's refuses a localhost one.
  return appUrl?.startsWith('https://') ? appUrl : 'mailto:reminders@localhost';
}

function mailFrom(env: Env, problems: string[]): string {
  const raw = env.MAIL_FROM?.trim() ?? '';
  if (!raw) {
    problems.push('MAIL_FROM is required with SMTP_URL: the sender, like Todo <todo@example.com>');
    return '';
  }
  const address = /<([^<>]*)>$/.exec(raw)?.[1] ?? raw;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) {
    problems.push('MAIL_FROM must be an address like todo@example.com or Todo <todo@example.com>');
  }
  return raw;
}

function emailConfig(
  env: Env,
  appUrl: string | undefined,
  production: boolean,
  problems: string[],
): EmailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let protocol = '';
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {}
  // The URL holds the SMTP password: name the variable, never echo it.
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  if (!appUrl && production)
    problems.push('PUBLIC_APP_URL is required with SMTP_URL: the origin links in emails open');
  return {
    smtpUrl,
    from: mailFrom(env, problems),
    publicAppUrl: appUrl ?? 'http://localhost:3000',
  };
}

function notifications(
  env: Env,
  secret: string,
  production: boolean,
  problems: string[],
): NotificationsConfig {
  const appUrl = httpOrigin(env, 'PUBLIC_APP_URL', problems);
  return {
    push: { ...vapidKeys(env, secret, problems), subject: vapidSubject(env, appUrl, problems) },
    email: emailConfig(env, appUrl, production, problems),
  };
}

/** DATABASE_URL alone, for `server.js migrate`; throws a ConfigError when it is missing or wrong. */
export function loadDatabaseUrl(env: Env = process.env): string {
  const problems: string[] = [];
  const url = databaseUrl(env, problems);
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return url;
}

/** Reads and checks the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const secretProblem = authSecretProblem(env.BETTER_AUTH_SECRET, production);
  if (secretProblem) problems.push(secretProblem);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  // Outside production a missing secret gets a random one: tokens from elsewhere won't verify.
  const secret = env.BETTER_AUTH_SECRET || randomBytes(32).toString('base64url');
  const config: Config = {
    server: {
      host: env.HOST?.trim() || '0.0.0.0',
      port: integer(env, 'PORT', 8000, 1, 65535, problems),
      production,
      shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000, problems),
    },
    database: {
      url: databaseUrl(env, problems),
      poolMax: integer(env, 'DATABASE_POOL_MAX', 10, 1, 100, problems),
      migrateOnStart: boolean(env, 'MIGRATE_ON_START', true, problems),
    },
    auth: { secret, secretGenerated: !env.BETTER_AUTH_SECRET },
    http: { corsOrigins: corsOrigins(env, problems), logLevel },
    metrics: { host: env.HOST?.trim() || '0.0.0.0', port: metricsPort(env, problems) },
    outbound: {
      httpsOnly: production,
      allowPrivate: boolean(env, 'OUTBOUND_ALLOW_PRIVATE', false, problems),
    },
    notifications: notifications(env, secret, production, problems),
    reminders: {
      workers: boolean(env, 'REMINDER_WORKERS', true, problems),
      jobTimeoutSeconds: integer(env, 'REMINDER_JOB_TIMEOUT_SECONDS', 60, 2, 3600, problems),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return config;
}
