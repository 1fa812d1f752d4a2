import fc from 'fast-check';

/** Hostile fragments: SQL, markup, traversal, format strings, prototype keys, odd Unicode. */
export const FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE tasks; --",
  '"; DELETE FROM "user"; --',
  '1; SELECT pg_sleep(10)',
  '\' UNION SELECT id, email FROM "user" --',
  '%',
  '_',
  '\\',
  '%_\\%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '%s%n%x',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '2147483648',
  'true',
  '[]',
  '{}',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202etxt.exe',
  '\ufeff',
  '\u2028\u2029',
  '\u00a0',
  '\u200b',
  ' ',
  '\t\r\n',
  'ǅ İ ß ﬁ',
  'Ω≈ç√∫',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301',
];

const ODD_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u2028',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\u202e',
  '\u00a0',
  ' ',
  'a',
  'Z',
  '0',
  '%',
  '_',
  "'",
  '"',
  '\\',
  '<',
  '/',
  '.',
  '?',
  '#',
  '&',
  '=',
  '+',
  ';',
  '😀',
];

/** Any text a client could send: full Unicode, control characters, lone surrogates, fragments. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...ODD_CHARACTERS), maxLength: 30 }),
  fc.constantFrom(...FRAGMENTS),
  fc
    .tuple(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 10 }))
    .map(([a, b]) => `${b}${a}${b}`),
  // Around the limits: titles 200, descriptions 1000, tags 32, queries 200 code points.
  fc
    .constantFrom(31, 32, 33, 199, 200, 201, 999, 1000, 1001)
    .chain((length) =>
      fc.constantFrom('a', 'é', '😀', ' ', '\u0000').map((unit) => unit.repeat(length)),
    ),
);

/** Values of the wrong type for any field. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** RFC 3339 date-times and near misses: leap seconds, year 0, lower-case t/z, odd offsets. */
export const dateTimeish = fc
  .record({
    year: fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(0, 1, 1969, 1970, 2038, 9999),
    ),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    separator: fc.constantFrom('T', 't', ' ', '_'),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.5', '.123', '.123456789', '.'),
    zone: fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+05:30', '-23:59', '+23:59', '+24:00', ''),
  })
  .map(
    (d) =>
      `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}${d.separator}${pad(d.hour, 2)}:${pad(d.minute, 2)}:${pad(d.second, 2)}${d.fraction}${d.zone}`,
  );

const PRIORITIES = ['low', 'medium', 'high'] as const;
const RECURRENCES = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;

/** Object keys: the real fields, prototype keys and anything else. */
export const fieldName = fc.oneof(
  fc.constantFrom(
    'title',
    'description',
    'priority',
    'tags',
    'due_at',
    'recurrence',
    'repeat',
    'time_zone',
    'project_id',
    'parent_id',
    'text',
    'completed',
    'id',
    'subtask_count',
    'user_id',
    'next_occurrence_id',
    'created_at',
    '__proto__',
    'constructor',
    'prototype',
  ),
  nastyString,
);

/** Any JSON value, nested a few levels, with hostile strings and keys. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fieldName, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const TIME_ZONES = ['UTC', 'Europe/Berlin', 'pacific/kiritimati', 'Mars/Olympus', '+05:00', ''];
const QUICK_ADD_LINES = [
  'Pay rent tomorrow 9am every month p1 #Inbox @bills',
  'tomorrow p1 #Inbox',
  'Plant roses #NoSuchProject',
  'every 2 weeks on mon, thu until dec 31 for 3 times',
  'Read "tomorrow" by Smith @a @b @c @d @e @f @g @h @i @j @k',
  '#',
  '@',
  '"',
];
/** Ids of the seeded tasks and projects (the other user's among them), and out-of-range ones. */
const taskOrProjectId = fc.oneof(
  fc.integer({ min: 1, max: 12 }),
  fc.constantFrom(0, -1, 2_147_483_647, 2_147_483_648),
);
/** A repeat rule: structured (valid or not), an RRULE string (valid, near miss or hostile). */
const repeatInput = fc.oneof(
  fc.record(
    {
      frequency: fc.oneof(fc.constantFrom('daily', 'weekly', 'monthly', 'yearly'), nastyString),
      interval: fc.oneof(fc.integer({ min: -1, max: 1000 }), wrongType),
      weekdays: fc.oneof(fc.array(fc.constantFrom('mo', 'tu', 'su', 'xx'), { maxLength: 8 })),
      month_day: fc.oneof(fc.integer({ min: -2, max: 32 }), fc.constant(null)),
      count: fc.oneof(fc.integer({ min: 0, max: 1001 }), fc.constant(null)),
      until: fc.oneof(dateTimeish, fc.constant(null)),
      from: fc.oneof(fc.constantFrom('due', 'completion'), nastyString),
    },
    { requiredKeys: ['frequency'] },
  ),
  fc.record({
    rrule: fc.oneof(
      fc.constantFrom(
        'FREQ=DAILY',
        'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
        'freq=monthly;bymonthday=-1',
        'FREQ=YEARLY;COUNT=3',
        'FREQ=DAILY;UNTIL=99991231T235959Z',
        'FREQ=HOURLY',
        'FREQ=DAILY;FREQ=WEEKLY',
        'FREQ=MONTHLY;BYDAY=1MO',
        'FREQ=DAILY;INTERVAL=99999999999999999999',
        'RRULE:',
        ';;;',
      ),
      nastyString,
    ),
  }),
);

/** A task body: each field valid, hostile text, or the wrong type; sometimes extra fields. */
export const taskBody = fc
  .record(
    {
      title: fc.oneof(fc.constant('A perfectly ordinary title'), nastyString, wrongType),
      description: fc.oneof(nastyString, fc.constant(null), wrongType),
      priority: fc.oneof(fc.constantFrom(...PRIORITIES), nastyString, wrongType),
      tags: fc.oneof(fc.array(nastyString, { maxLength: 12 }), wrongType),
      due_at: fc.oneof(dateTimeish, fc.constant(null), nastyString, wrongType),
      recurrence: fc.oneof(fc.constantFrom(...RECURRENCES), nastyString),
      repeat: fc.oneof(repeatInput, fc.constant(null), wrongType),
      time_zone: fc.oneof(fc.constantFrom(...TIME_ZONES), nastyString, wrongType),
      project_id: fc.oneof(taskOrProjectId, wrongType),
      parent_id: fc.oneof(taskOrProjectId, fc.constant(null), wrongType),
      text: fc.oneof(fc.constantFrom(...QUICK_ADD_LINES), nastyString, wrongType),
      completed: fc.oneof(fc.boolean(), wrongType),
    },
    { requiredKeys: [] },
  )
  .chain((body) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(body) },
      fc.dictionary(fieldName, jsonValue, { maxKeys: 2 }).map((extra) => ({ ...extra, ...body })),
    ),
  );

/** A task body that is valid except for its text fields, which are hostile. */
export const textHeavyBody = fc.record(
  {
    title: nastyString,
    description: fc.oneof(nastyString, fc.constant(null)),
    tags: fc.array(nastyString, { maxLength: 10 }),
    priority: fc.constantFrom(...PRIORITIES),
  },
  { requiredKeys: ['title'] },
);

/** Prototype-pollution payloads, as raw JSON text (an object literal can't carry __proto__). */
export const pollutingJson = fc
  .tuple(
    fc.constantFrom(
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"title":"x","__proto__":{"polluted":"yes"}}',
      '{"title":"x","constructor":{"prototype":{"polluted":"yes"}}}',
      '{"title":"x","tags":[{"__proto__":{"polluted":"yes"}}]}',
      '{"title":{"__proto__":{"polluted":"yes"}}}',
      '{"title":"x","__proto__":null}',
      '{"title":"x","\\u005f\\u005fproto\\u005f\\u005f":{"polluted":"yes"}}',
      '[{"__proto__":{"polluted":"yes"}}]',
    ),
    fc.boolean(),
  )
  .map(([json, spaced]) => (spaced ? json.replaceAll(':', ' : ') : json));

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates become U+FFFD, as on the wire). */
export function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** A path segment: encoded hostile text, or raw tricky spellings (bad escapes, dots, encoded slashes). */
export const pathSegment = fc.oneof(
  nastyString.map(encodeSegment),
  fc.constantFrom(
    '',
    '.',
    '..',
    '%2e%2e',
    '%2F',
    '%5C',
    '%',
    '%zz',
    '%E0%A4%A',
    '%C0%AF',
    '%00',
    '%FF%FE',
    '%ED%A0%80',
    ';',
    '*',
    'tasks',
    'tags',
    'complete',
    'alice',
    'bob',
    '1',
    '0',
    '-1',
    '2147483647',
    '2147483648',
    '1e3',
    '0x10',
    '%201',
    'NaN',
  ),
);

/** A query string of hostile keys and values, sometimes with raw (unencoded) trickery. */
export const queryString = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'status',
            'project',
            'parent',
            'top_level',
            'priority',
            'tag',
            'q',
            'due_before',
            'due_after',
            'overdue',
            'has_due',
            'sort',
            'order',
            'limit',
            'offset',
            '__proto__',
            'constructor',
            '__proto__[polluted]',
            'constructor[prototype][polluted]',
            'tag[]',
          ),
          nastyString,
        ),
        fc.oneof(
          nastyString,
          dateTimeish,
          fc.constantFrom(
            'low',
            'high',
            'pending',
            'completed',
            'due',
            'title',
            'asc',
            'desc',
            'true',
            '1',
            '100',
            '101',
            '1e400',
            '-0',
          ),
        ),
      ),
      { maxLength: 6 },
    )
    .map((pairs) =>
      pairs.map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value)}`).join('&'),
    ),
  fc.constantFrom(
    '',
    '&&&',
    '=',
    '==',
    'a=b=c',
    'limit',
    'limit=',
    '%',
    'q=%',
    'q=%00',
    'q=%ED%A0%80',
    'tag=%C0%AF',
  ),
);

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
