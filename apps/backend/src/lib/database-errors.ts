// postgres.js connection failures, and PostgreSQL's own codes for "server going away or not
// accepting connections" (class 08, 57P01–57P03) and a statement cancelled by statement_timeout.
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '57014',
]);

/** True when an error means "the database can't be reached right now", not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08')))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when a task was written for a user id that is not in Better Auth's user table: a valid
 * token that outlived its user (the account was deleted). Not a server fault.
 */
export function isUnknownUser(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, constraint_name } = current as { code?: unknown; constraint_name?: unknown };
    if (code === '23503' && constraint_name === 'tasks_user_id_user_id_fk') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

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

/** True when an error means the connection it happened on no longer exists. */
export function isConnectionLost(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (LOST_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
