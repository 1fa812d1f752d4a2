import { refused } from './refused.js';

/** `#entity-tag` (RFC 9110 §8.8.3, §5.6.1): quoted tags, optionally weak, between commas. */
const ENTITY_TAG_LIST = /^[ \t,]*(?:(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"[ \t]*(?:,[ \t,]*|$))+$/;
const ENTITY_TAG = /(W\/)?"([^"]*)"/g;
/** The tags this API issues: a task version, a positive PostgreSQL integer. */
const VERSION = /^[1-9]\d{0,9}$/;
const INTEGER_MAX = 2_147_483_647;

/**
 * An If-Match header (RFC 9110 §13.1.1) read as the task versions a write may apply to.
 *
 * - absent, or `*`: null, no condition. `*` asks only that the task exist, and a missing task is
 *   a 404 before any precondition (§13.2.1: preconditions are ignored when the answer without
 *   them would not be a 2xx), so it never reveals whether someone else's task exists.
 * - a list of entity tags: the versions they name. The comparison is strong (§8.8.3.2), so a weak
 *   tag (`W/"3"`) never matches, nor does a tag this API never issued: the list may be empty,
 *   and then no version matches.
 * - anything else: 'invalid'.
 */
export function parseIfMatch(header: string | undefined): number[] | null | 'invalid' {
  if (header === undefined || header.trim() === '*') return null;
  if (!ENTITY_TAG_LIST.test(header)) return 'invalid';
  return [...header.matchAll(ENTITY_TAG)]
    .filter(([, weak, opaque = '']) => !weak && VERSION.test(opaque))
    .map(([, , opaque]) => Number(opaque))
    .filter((version) => version <= INTEGER_MAX);
}

/** The versions a write may apply to, from its If-Match header; a malformed header is a 400. */
export function versionsFrom(headers: { 'if-match'?: string | undefined }): number[] | null {
  const versions = parseIfMatch(headers['if-match']);
  if (versions !== 'invalid') return versions;
  throw refused(400, 'If-Match must be * or a list of quoted ETags, such as "3"');
}
