/** The fields of an error and its causes that these helpers read. */
export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** The error and its causes, outermost first: drizzle wraps the driver's error in `cause`. */
export function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let current = error; current && chain.length < 5; current = (current as ErrorLike).cause) {
    chain.push(current as ErrorLike);
  }
  return chain;
}

/**
 * drizzle's DrizzleQueryError (`Failed query: <sql>\nparams: <values>`) and postgres.js's errors
 * carry the statement and its parameters: session tokens, emails, task text.
 */
const carriesQuery = (error: unknown) =>
  errorChain(error).some(
    (link) => typeof link === 'object' && ('params' in link || 'query' in link),
  );

const QUERY_FAILED = 'a database query failed';

/** A database error reduced to what is safe to log: its class, code and the driver's message. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    message: string,
    /** SQLSTATE (42P07), or the driver's or system's code (ECONNREFUSED, CONNECTION_CLOSED). */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The error as it may be logged or rethrown: unchanged unless it carries a query, else a
 * DatabaseError with the innermost code and that error's own message (PostgreSQL's, or the
 * socket's), and no cause, query or parameters. A data exception's message (SQLSTATE class 22)
 * can quote the value it refused (`invalid input syntax for type integer: "…"`): left out.
 */
export function withoutQuery(error: unknown): unknown {
  // Better Auth logs some failures by their message alone: drizzle's, with the query in it.
  if (typeof error === 'string' && error.includes('Failed query:')) return QUERY_FAILED;
  if (!carriesQuery(error)) return error;
  const coded = errorChain(error).findLast((link) => typeof link.code === 'string');
  const code = coded?.code as string | undefined;
  const own =
    typeof coded?.message === 'string' && !code?.startsWith('22') ? coded.message : undefined;
  return new DatabaseError([code, own].filter(Boolean).join(': ') || QUERY_FAILED, code);
}

/** One line about any error, for a log or a start-up failure: never a query or its values. */
export function safeMessage(error: unknown): string {
  const safe = withoutQuery(error);
  return safe instanceof Error ? safe.message : String(safe);
}
