import { type ErrorLike, errorChain } from '@todo/db/errors';

// Errors after which the connection is gone: PostgreSQL ended the session (admin or crash
// shutdown, class 08) or the socket closed. Not 57014: after a statement timeout the session lives.
const LOST_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
]);

// Lost connections, postgres.js failing to connect, PostgreSQL not accepting connections (57P03)
// and a statement cancelled by statement_timeout (57014).
const UNAVAILABLE_CODES = new Set([
  ...LOST_CODES,
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P03',
  '57014',
]);

interface DriverError extends ErrorLike {
  constraint_name?: unknown;
}

/** True when the error or one of its causes (drizzle wraps the driver's error) matches. */
const anyCause = (error: unknown, matches: (error: DriverError) => boolean) =>
  errorChain(error).some(matches);

const hasCode =
  (codes: Set<string>) =>
  ({ code }: DriverError) =>
    typeof code === 'string' && (codes.has(code) || code.startsWith('08'));

/** True when an error means "the database can't be reached right now", not a bug. */
export const isDatabaseUnavailable = (error: unknown) =>
  anyCause(error, hasCode(UNAVAILABLE_CODES));

/** True when an error means the connection it happened on no longer exists. */
export const isConnectionLost = (error: unknown) => anyCause(error, hasCode(LOST_CODES));

// The foreign keys from the user's own rows to Better Auth's user table.
const USER_FOREIGN_KEYS = new Set([
  'tasks_user_id_user_id_fk',
  'projects_user_id_user_id_fk',
  'notification_settings_user_id_user_id_fk',
  'push_subscriptions_user_id_user_id_fk',
  'calendar_feeds_user_id_user_id_fk',
]);

/**
 * True when a task or project (the Inbox made on first need, too) was written for a user id that
 * is not in Better Auth's user table: a valid token that outlived its user (the account was
 * deleted). Not a server fault.
 */
export const isUnknownUser = (error: unknown) =>
  anyCause(
    error,
    ({ code, constraint_name }) =>
      code === '23503' &&
      typeof constraint_name === 'string' &&
      USER_FOREIGN_KEYS.has(constraint_name),
  );

/** True when a write broke this unique index (two projects of one name, say). */
export const isUniqueViolation = (error: unknown, index: string) =>
  anyCause(error, ({ code, constraint_name }) => code === '23505' && constraint_name === index);
