// Text is stored exactly as sent or rejected: NUL cannot live in a PostgreSQL text column and a
// lone UTF-16 surrogate would come back as U+FFFD, so both are refused up front.
const STORABLE = '[^\\u0000\\p{Cs}]';
export const storableText = `^${STORABLE}*$`;
// Leading spaces, the first visible character, then anything storable: one way to split a
// string, so it is checked in linear time. `^S*[visible]S*$`, which accepts the same strings,
// backtracks quadratically (with ajv's allErrors, a 64 KiB title held the event loop for 4–5 s).
export const storableNonBlank = `^\\s*[^\\s\\u0000\\p{Cs}]${STORABLE}*$`;
