import 'server-only';
import { schema } from '@todo/db/client';
import { withoutQuery } from '@todo/db/errors';
import { APIError, betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/limits';
import { accountFieldsProblem } from '@/lib/auth/messages';
import { nativeLoopbackRegistration, oauthProviderPlugin } from '@/lib/auth/oauth-provider';
import { getDatabase } from '@/lib/db/database';
import type { ServerEnv } from '@/lib/env/read';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
import { requestOrigin } from '@/lib/http/request-origin';

/** Sign-in/sign-up attempts allowed per client address and minute, across all replicas. */
const AUTH_ATTEMPTS_PER_MINUTE = 10;

/** Refuses a user row whose name or image breaks the rules (a 400 the client can show). */
async function checkAccountFields(fields: { name?: unknown; image?: unknown }) {
  const problem = accountFieldsProblem(fields);
  if (!problem) return;
  throw APIError.from('BAD_REQUEST', { code: 'INVALID_ACCOUNT_FIELD', message: problem });
}

/** Builds the Better Auth instance on the shared schema in packages/db. */
export function createAuth(env: ServerEnv) {
  const db = getDatabase(env.databaseUrl);
  const pinned = env.authUrl !== undefined;
  return betterAuth({
    appName: 'Todo',
    secret: env.authSecret,
    // Unset: the base URL comes from each request (X-Forwarded-Host, which Next.js fills from
    // Host), so the app works at whatever address it is reached. BETTER_AUTH_URL pins it.
    baseURL: env.authUrl,
    database: drizzleAdapter(db, { provider: 'pg', schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    // Every write of a user row, whichever endpoint makes it: the form's limits hold on the server.
    databaseHooks: {
      user: { create: { before: checkAccountFields }, update: { before: checkAccountFields } },
    },
    // Pinned: only BETTER_AUTH_URL's origin (Better Auth adds it). Unpinned: exactly the
    // origin of the request itself; a foreign Origin header is refused with 403.
    trustedOrigins: pinned
      ? []
      : (request) => {
          const origin = request ? requestOrigin(request.headers) : null;
          return origin ? [origin] : [];
        },
    rateLimit: {
      enabled: env.production,
      // In PostgreSQL (the rate_limit table), so every replica counts against one budget.
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/*': { window: 60, max: AUTH_ATTEMPTS_PER_MINUTE },
        '/sign-up/*': { window: 60, max: AUTH_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      // Better Auth skips the check when NODE_ENV=test; it must hold everywhere.
      disableOriginCheck: false,
      trustedProxyHeaders: !pinned,
      // Never X-Forwarded-For as the client sent it: the route handler works the address out
      // from the socket peer and TRUSTED_PROXIES (auth-request.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // Secure cookies only when the pinned public URL is HTTPS: without a pin the app is often
      // served over plain HTTP (NodePort, tunnel), where a Secure cookie would be dropped.
      useSecureCookies: env.authUrl?.startsWith('https://') ?? false,
    },
    hooks: { before: nativeLoopbackRegistration },
    // Unexpected errors are thrown to handleAuthRequest, which strips their query, instead of
    // being printed whole by the router (better-call's `# SERVER_ERROR`, with the parameters).
    onAPIError: { throw: true },
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        // Expected without BETTER_AUTH_URL: the base URL comes from each request on purpose.
        if (!pinned && message.includes('Base URL is not set')) return;
        const write = level === 'error' ? console.error : console.warn;
        // A failed query's text and parameters hold session tokens and emails: never logged.
        write(`[better-auth] ${level}: ${withoutQuery(message)}`, ...args.map(withoutQuery));
      },
    },
    plugins: [oauthProviderPlugin(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
