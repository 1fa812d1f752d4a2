/** RFC 5545 §3.1 and §3.3.11: how values are written and lines are laid out. */

const MAX_LINE_OCTETS = 75;

/**
 * A TEXT value: backslash, semicolon and comma escaped, every line break as `\n`. Control
 * characters other than tab are not allowed in TEXT, so they are dropped.
 */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  return escaped.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Folds a content line into lines of at most 75 octets, each continuation starting with a
 * space. Cuts only before the first octet of a UTF-8 sequence, so no character (an emoji's four
 * octets) is split.
 */
export function foldLine(line: string): string {
  const octets = Buffer.from(line);
  if (octets.length <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let start = 0;
  // A continuation line's leading space counts towards its 75 octets.
  for (let limit = MAX_LINE_OCTETS; octets.length - start > limit; limit = MAX_LINE_OCTETS - 1) {
    let end = start + limit;
    // 10xxxxxx is a continuation octet: step back to where its character starts.
    while (((octets[end] ?? 0) & 0xc0) === 0x80) end--;
    lines.push(octets.toString('utf8', start, end));
    start = end;
  }
  lines.push(octets.toString('utf8', start));
  return lines.join('\r\n ');
}

/** The lines as an iCalendar stream: each folded, each ended by CRLF. */
export function icsDocument(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A UTC DATE-TIME (`20260329T070000Z`), whole seconds. */
export function utcDateTime(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** A local DATE-TIME from wall-clock fields (`20260329T090000`), for TZID= and VTIMEZONE. */
export function localDateTime(parts: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): string {
  return (
    `${pad(parts.year, 4)}${pad(parts.month)}${pad(parts.day)}` +
    `T${pad(parts.hour)}${pad(parts.minute)}${pad(parts.second)}`
  );
}

/** A UTC offset (`+0100`, `-0330`) from minutes east of UTC. */
export function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}
