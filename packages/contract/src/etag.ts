/**
 * A task's (and a project's) strong entity tag (RFC 9110 §8.8.3): its version, quoted. One definition for the
 * API, which sends it in `ETag` and compares `If-Match` against it, and for the web app, which
 * sends back the version an editor was opened with.
 */
export const taskEtag = (version: number) => `"${version}"`;
