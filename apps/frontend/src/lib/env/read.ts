import { authSecretProblem } from '@todo/contract';
import { parseTrustedProxies } from '@/lib/http/client-address';

/** The frontend's runtime settings, read once from the environment. */
export interface ServerEnv {
  production: boolean;
  databaseUrl: string;
  authSecret: string;
  /** BETTER_AUTH_URL: pins the public address; unset, each request's own address is used. */
  authUrl: string | undefined;
  backendUrl: string;
  /** TRUSTED_PROXIES: whose X-Forwarded-For names the client; none by default (the socket peer). */
  trustedProxies: string[];
  /** TOKEN_RATE_LIMIT_PER_MINUTE: requests one access token may make per minute (/api/v1, /mcp). */
  tokenRateLimitPerMinute: number;
}

export type ServerEnvResult = { ok: true; env: ServerEnv } | { ok: false; problem: string };

export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8000';
export const DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE = 300;

function httpUrlProblem(name: string, value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // fall through to the message below
  }
  return `${name} must be an http:// or https:// URL`;
}

/**
 * Validates the environment. Messages name the variable and never include its value, so they are
 * safe to print at start-up.
 */
export function readServerEnv(source: Record<string, string | undefined>): ServerEnvResult {
  const production = source.NODE_ENV === 'production';
  const secret = source.BETTER_AUTH_SECRET;
  const secretProblem = authSecretProblem(secret, production);
  if (secretProblem) return { ok: false, problem: secretProblem };
  if (!secret) {
    return {
      ok: false,
      problem:
        'BETTER_AUTH_SECRET is not set: run `npm start` at the repository root, which generates a local one',
    };
  }
  const databaseUrl = source.DATABASE_URL;
  if (!databaseUrl) {
    return {
      ok: false,
      problem: production
        ? 'DATABASE_URL is required when NODE_ENV=production'
        : 'DATABASE_URL is not set: run `npm start` at the repository root, which starts a local PostgreSQL',
    };
  }
  const backendUrl = source.BACKEND_URL || DEFAULT_BACKEND_URL;
  const authUrl = source.BETTER_AUTH_URL || undefined;
  const urlProblem =
    httpUrlProblem('BACKEND_URL', backendUrl) ??
    (authUrl ? httpUrlProblem('BETTER_AUTH_URL', authUrl) : null);
  if (urlProblem) return { ok: false, problem: urlProblem };
  const trusted = parseTrustedProxies(source.TRUSTED_PROXIES);
  if (!trusted.ok) return trusted;
  const tokenRateLimit =
    source.TOKEN_RATE_LIMIT_PER_MINUTE || `${DEFAULT_TOKEN_RATE_LIMIT_PER_MINUTE}`;
  if (!/^[1-9][0-9]{0,6}$/.test(tokenRateLimit)) {
    return {
      ok: false,
      problem: 'TOKEN_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 9999999',
    };
  }
  return {
    ok: true,
    env: {
      production,
      databaseUrl,
      authSecret: secret,
      authUrl,
      backendUrl: backendUrl.replace(/\/+$/, ''),
      trustedProxies: trusted.proxies,
      tokenRateLimitPerMinute: Number(tokenRateLimit),
    },
  };
}
