/**
 * The error for a request the API's rules refuse: the error handler answers it as a problem with
 * this status and the message as its detail. Thrown inside a transaction, it rolls it back.
 */
export function refused(statusCode: 400 | 409 | 422, detail: string): Error {
  return Object.assign(new Error(detail), { statusCode });
}
