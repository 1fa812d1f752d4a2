/**
 * A request the rules of projects refuse (the Inbox's, the names', the order's): thrown inside
 * the write's transaction, so nothing it did stays, and answered as a problem with this status.
 */
export class ProjectRefusal extends Error {
  override name = 'ProjectRefusal';
  constructor(
    readonly status: 409 | 422,
    message: string,
    /** For a 422: the field at fault, as validation reports it. */
    readonly errors?: { path: string; message: string }[],
  ) {
    super(message);
  }
}
