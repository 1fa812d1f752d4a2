import Type, { type Static } from 'typebox';

/**
 * Repeat rules: a subset of RFC 5545 RRULE (FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)
 * plus whether the next date counts from the due date or from the completion, which RRULE has
 * no word for. The API answers both the RRULE string and the structured fields.
 */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
/** RFC 5545 weekday codes, Monday first (ISO 8601), lower-case in JSON. */
export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export const REPEAT_FROM = ['due', 'completion'] as const;
/** The fixed values of the first API version; each maps to a rule (FREQ=DAILY …). */
export const RECURRENCES = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
/** What `recurrence` answers: a legacy value when the rule is one, else `custom`. */
export const RECURRENCE_VALUES = [...RECURRENCES, 'custom'] as const;

export const REPEAT_LIMITS = { intervalMax: 999, countMax: 1000, rruleMax: 200 } as const;

export type Frequency = (typeof FREQUENCIES)[number];
export type Weekday = (typeof WEEKDAYS)[number];
export type RepeatFrom = (typeof REPEAT_FROM)[number];
export type Recurrence = (typeof RECURRENCES)[number];
export type RecurrenceOutput = (typeof RECURRENCE_VALUES)[number];

const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time' });

const ruleFields = {
  frequency: Type.Enum([...FREQUENCIES], { description: 'daily, weekly, monthly or yearly' }),
  interval: Type.Integer({
    minimum: 1,
    maximum: REPEAT_LIMITS.intervalMax,
    description: 'Every n days/weeks/months/years; 1 when left out',
  }),
  weekdays: Type.Array(Type.Enum([...WEEKDAYS]), {
    maxItems: 7,
    uniqueItems: true,
    description: 'Weekly rules only: the days of the week (mo … su); empty: the due date’s day',
  }),
  month_day: Type.Union(
    [Type.Integer({ minimum: 1, maximum: 31 }), Type.Literal(-1), Type.Null()],
    {
      description:
        'Monthly rules only: the day of the month, -1 for the last day; null: the due date’s day ' +
        '(a month without that day takes its last day)',
    },
  ),
  count: Type.Union([Type.Integer({ minimum: 1, maximum: REPEAT_LIMITS.countMax }), Type.Null()], {
    description: 'The series ends after this many occurrences; null: no limit',
  }),
  until: Type.Union([DateTime, Type.Null()], {
    description: 'No occurrence after this instant; null: no end date',
  }),
  from: Type.Enum([...REPEAT_FROM], {
    description:
      '`due`: the next date follows the rule from the due date (fixed schedule); ' +
      '`completion`: it counts from when the task was completed',
  }),
};

/** A rule as a client writes it: the structured fields… */
export const RepeatRuleFields = Type.Object(
  {
    frequency: ruleFields.frequency,
    interval: Type.Optional(ruleFields.interval),
    weekdays: Type.Optional(ruleFields.weekdays),
    month_day: Type.Optional(ruleFields.month_day),
    count: Type.Optional(ruleFields.count),
    until: Type.Optional(ruleFields.until),
    from: Type.Optional(ruleFields.from),
  },
  { additionalProperties: false },
);

/** …or an RRULE string of the supported subset. */
export const RepeatRuleString = Type.Object(
  {
    rrule: Type.String({
      minLength: 1,
      maxLength: REPEAT_LIMITS.rruleMax,
      description:
        'RFC 5545 RRULE value, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH. Supported parts: FREQ ' +
        '(DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY (weekly), BYMONTHDAY (monthly, 1–31 ' +
        'or -1), COUNT, UNTIL',
    }),
    from: Type.Optional(ruleFields.from),
  },
  { additionalProperties: false },
);

export const RepeatInput = Type.Union([RepeatRuleFields, RepeatRuleString], {
  description: 'How the task repeats: structured fields or an RRULE string; null: it does not',
});

/** A rule as the API answers it: every field, the RRULE string and a readable summary. */
export const Repeat = Type.Object({
  rrule: Type.String({ description: 'The rule as an RFC 5545 RRULE value' }),
  frequency: ruleFields.frequency,
  interval: ruleFields.interval,
  weekdays: ruleFields.weekdays,
  month_day: ruleFields.month_day,
  count: ruleFields.count,
  until: ruleFields.until,
  from: ruleFields.from,
  summary: Type.String({ description: 'In words, e.g. "Every 2 weeks on Mon, Thu"' }),
});

export type RepeatRuleFields = Static<typeof RepeatRuleFields>;
export type RepeatRuleString = Static<typeof RepeatRuleString>;
export type RepeatInput = Static<typeof RepeatInput>;
export type Repeat = Static<typeof Repeat>;
