/** What a call to the backend can come back with; the UI shows failures, it never throws them. */

export interface FieldError {
  /** JSON pointer of the offending field, e.g. `/title`. */
  path: string;
  message: string;
}

export type FailureReason =
  | 'unavailable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid'
  | 'too-large'
  | 'conflict'
  | 'refused';

export interface BackendFailure {
  ok: false;
  reason: FailureReason;
  message: string;
  fieldErrors: FieldError[];
}

export type BackendResult<T> = { ok: true; data: T } | BackendFailure;

export const UNAVAILABLE_MESSAGE =
  'The task service is unavailable right now. Nothing you typed is lost — try again in a moment.';

export function failure(
  reason: FailureReason,
  message: string,
  fieldErrors: FieldError[] = [],
): BackendFailure {
  return { ok: false, reason, message, fieldErrors };
}
