/** One failure of a request's content: where (a JSON pointer, or a file's line) and what. */
export interface RefusedItem {
  path: string;
  message: string;
}

/**
 * The error for a request the API's rules refuse: the error handler answers it as a problem with
 * this status, the message as its detail and `errors` (when given) listed. Thrown inside a
 * transaction, it rolls it back.
 */
export function refused(
  statusCode: 400 | 409 | 422,
  detail: string,
  errors?: readonly RefusedItem[],
): Error {
  return Object.assign(new Error(detail), { statusCode }, errors ? { errors: [...errors] } : {});
}

/** The items a refused error lists; none for any other error. */
export function refusedItems(error: unknown): RefusedItem[] | undefined {
  if (typeof error !== 'object' || error === null || !('errors' in error)) return undefined;
  return Array.isArray(error.errors) ? (error.errors as RefusedItem[]) : undefined;
}
