import { describe, expect, it } from 'vitest';
import { readServerEnv } from '@/lib/env/read';

const SECRET = 'a-secret-that-is-long-enough-to-use-1234';
const base = { DATABASE_URL: 'postgres://u:p@db:5432/todo', BETTER_AUTH_SECRET: SECRET };

describe('readServerEnv', () => {
  it('applies the defaults', () => {
    expect(readServerEnv({ ...base, NODE_ENV: 'production' })).toEqual({
      ok: true,
      env: {
        production: true,
        databaseUrl: base.DATABASE_URL,
        authSecret: SECRET,
        authUrl: undefined,
        backendUrl: 'http://127.0.0.1:8000',
        trustedProxies: [],
        tokenRateLimitPerMinute: 300,
      },
    });
  });

  it('takes TOKEN_RATE_LIMIT_PER_MINUTE, and stops on anything but a positive whole number', () => {
    expect(readServerEnv({ ...base, TOKEN_RATE_LIMIT_PER_MINUTE: '60' })).toMatchObject({
      ok: true,
      env: { tokenRateLimitPerMinute: 60 },
    });
    for (const value of ['0', '-5', '1.5', 'lots', '10000000']) {
      expect(readServerEnv({ ...base, TOKEN_RATE_LIMIT_PER_MINUTE: value })).toEqual({
        ok: false,
        problem: 'TOKEN_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 9999999',
      });
    }
  });

  it('takes TRUSTED_PROXIES, and stops on an entry that is not an address or range', () => {
    expect(readServerEnv({ ...base, TRUSTED_PROXIES: '10.0.0.0/8,::1' })).toMatchObject({
      ok: true,
      env: { trustedProxies: ['10.0.0.0/8', '::1'] },
    });
    expect(readServerEnv({ ...base, TRUSTED_PROXIES: '10.0.0.0/8, ingress' })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^TRUSTED_PROXIES: "ingress" is not an IP address/),
    });
  });

  it('takes BACKEND_URL (without a trailing slash) and BETTER_AUTH_URL', () => {
    const result = readServerEnv({
      ...base,
      BACKEND_URL: 'http://todo-backend:8000/',
      BETTER_AUTH_URL: 'https://todo.example.com',
    });
    expect(result).toMatchObject({
      ok: true,
      env: { backendUrl: 'http://todo-backend:8000', authUrl: 'https://todo.example.com' },
    });
  });

  it('stops production without a secret, naming the variable but never a value', () => {
    const result = readServerEnv({ DATABASE_URL: base.DATABASE_URL, NODE_ENV: 'production' });
    expect(result).toEqual({
      ok: false,
      problem: expect.stringContaining('BETTER_AUTH_SECRET is required when NODE_ENV=production'),
    });
    const short = readServerEnv({ ...base, BETTER_AUTH_SECRET: 'hunter2', NODE_ENV: 'production' });
    expect(short).toMatchObject({ ok: false, problem: expect.stringContaining('at least 32') });
    expect(JSON.stringify(short)).not.toContain('hunter2');
  });

  it('explains how to get a secret and a database outside production', () => {
    expect(readServerEnv({ DATABASE_URL: base.DATABASE_URL })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('npm start'),
    });
    expect(readServerEnv({ BETTER_AUTH_SECRET: SECRET })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('DATABASE_URL is not set'),
    });
    expect(readServerEnv({ BETTER_AUTH_SECRET: SECRET, NODE_ENV: 'production' })).toMatchObject({
      ok: false,
      problem: 'DATABASE_URL is required when NODE_ENV=production',
    });
  });

  it('refuses URLs that are not http(s)', () => {
    expect(readServerEnv({ ...base, BACKEND_URL: 'ftp://x' })).toMatchObject({
      ok: false,
      problem: 'BACKEND_URL must be an http:// or https:// URL',
    });
    expect(readServerEnv({ ...base, BETTER_AUTH_URL: 'not a url' })).toMatchObject({
      ok: false,
      problem: 'BETTER_AUTH_URL must be an http:// or https:// URL',
    });
  });
});
