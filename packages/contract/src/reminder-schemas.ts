import Type, { type Static } from 'typebox';

/**
 * Reminders (issue 11): when a task reminds its owner, through which channels, and the settings
 * that govern them. A reminder is relative to the due time (`due`, `before`) or absolute (`at`);
 * its fire time is worked out by the backend and follows the task (edits, completion, the next
 * occurrence of a repeating task).
 */
export const REMINDER_KINDS = ['due', 'before', 'at'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_LIMITS = {
  perTask: 10,
  /** 5 minutes … 1 week before the due time. */
  minutesBeforeMin: 5,
  minutesBeforeMax: 10_080,
  labelMax: 100,
  endpointMax: 1000,
  devicesMax: 20,
} as const;

/** The "before" choices the UI offers; the API takes any whole minute in range. */
export const MINUTES_BEFORE_CHOICES = [5, 10, 15, 30, 60, 120, 1440, 2880, 10_080] as const;

/** The snoozes a notification offers. `tomorrow`: 09:00 tomorrow in the task's time zone. */
export const SNOOZE_PRESETS = ['10m', '1h', 'tomorrow'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

export const DELIVERY_CHANNELS = ['push', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time' });
const MinutesBefore = Type.Integer({
  minimum: REMINDER_LIMITS.minutesBeforeMin,
  maximum: REMINDER_LIMITS.minutesBeforeMax,
  description: 'Minutes before the due time: 5 … 10080 (one week)',
});

const AtDue = Type.Object(
  { kind: Type.Literal('due', { description: 'At the due time' }) },
  { additionalProperties: false },
);
const Before = Type.Object(
  { kind: Type.Literal('before'), minutes_before: MinutesBefore },
  { additionalProperties: false },
);
const At = Type.Object(
  { kind: Type.Literal('at'), at: { ...DateTime, description: 'An absolute time (RFC 3339)' } },
  { additionalProperties: false },
);

/** One reminder as a client writes it. `due` and `before` need the task to have a due time. */
export const ReminderInput = Type.Union([AtDue, Before, At]);

/** The reminders of a task as written; replaces them all. Left out on create: the default. */
export const ReminderInputs = Type.Array(ReminderInput, {
  maxItems: REMINDER_LIMITS.perTask,
  description:
    'The task’s reminders (replaces them all; [] removes them). Left out when creating a task ' +
    'with a due time: the user’s default reminder',
});

/** A default reminder is relative to the due time. */
export const DefaultReminder = Type.Union([AtDue, Before, Type.Null()], {
  description: 'Added to new tasks with a due time when they name no reminders; null: none',
});

export const Reminder = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum([...REMINDER_KINDS]),
  minutes_before: Type.Union([Type.Integer(), Type.Null()], {
    description: 'For `before`; null otherwise',
  }),
  at: Type.Union([DateTime, Type.Null()], { description: 'For `at`; null otherwise' }),
  fire_at: Type.Union([DateTime, Type.Null()], {
    description:
      'When it will fire; null when it will not (task completed, no due time, or the time passed)',
  }),
});

export const NotificationSettings = Type.Object({
  /** Whether this server can send Web Push (VAPID keys); the UI hides push when false. */
  push_available: Type.Boolean(),
  /** Whether this server can send email (SMTP_URL set); the UI says email is off when false. */
  email_available: Type.Boolean(),
  vapid_public_key: Type.Union([Type.String(), Type.Null()], {
    description: 'The applicationServerKey for PushManager.subscribe (base64url); null: no push',
  }),
  email: Type.String({ description: 'The address reminders and the digest go to' }),
  push_reminders: Type.Boolean({ description: 'Send reminders to every device with push on' }),
  email_reminders: Type.Boolean({ description: 'Send reminders by email too' }),
  default_reminder: DefaultReminder,
  digest_hour: Type.Union([Type.Integer({ minimum: 0, maximum: 23 }), Type.Null()], {
    description: 'Hour of the daily digest email in time_zone; null: off (the default)',
  }),
  time_zone: Type.String({ description: 'IANA zone of the digest hour' }),
});

export const UpdateNotificationSettingsBody = Type.Object(
  {
    push_reminders: Type.Optional(Type.Boolean()),
    email_reminders: Type.Optional(Type.Boolean()),
    default_reminder: Type.Optional(DefaultReminder),
    digest_hour: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 23 }), Type.Null()]),
    ),
    time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A browser's PushSubscription (its toJSON()) plus a name for the settings list. */
export const PushSubscriptionBody = Type.Object(
  {
    endpoint: Type.String({
      minLength: 1,
      maxLength: REMINDER_LIMITS.endpointMax,
      description: 'The push service URL of this subscription',
    }),
    keys: Type.Object({
      p256dh: Type.String({ minLength: 1, maxLength: 200 }),
      auth: Type.String({ minLength: 1, maxLength: 100 }),
    }),
    label: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: REMINDER_LIMITS.labelMax,
        description: 'How the device is listed ("Chrome on Linux")',
      }),
    ),
  },
  { additionalProperties: true },
);

export const PushDevice = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  created_at: DateTime,
  last_success_at: Type.Union([DateTime, Type.Null()]),
});
export const PushDeviceList = Type.Object({ items: Type.Array(PushDevice) });

export const SnoozeBody = Type.Union([
  Type.Object({ preset: Type.Enum([...SNOOZE_PRESETS]) }, { additionalProperties: false }),
  Type.Object({ until: DateTime }, { additionalProperties: false }),
]);

export const UnsubscribeBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

/** What a push message carries (JSON, encrypted); the service worker shows it. */
export interface PushPayload {
  type: 'reminder' | 'test';
  /** The notification's tag: one notification per reminder firing, even if sent twice. */
  tag: string;
  title: string;
  body: string;
  task_id: number | null;
  due_at: string | null;
  /** Sent after its fire time because no backend was running then. */
  late: boolean;
  /** Path to open on click, on the app's origin. */
  url: string;
}

export type ReminderInput = Static<typeof ReminderInput>;
export type DefaultReminder = Static<typeof DefaultReminder>;
export type Reminder = Static<typeof Reminder>;
export type NotificationSettings = Static<typeof NotificationSettings>;
export type UpdateNotificationSettingsBody = Static<typeof UpdateNotificationSettingsBody>;
export type PushSubscriptionBody = Static<typeof PushSubscriptionBody>;
export type PushDevice = Static<typeof PushDevice>;
export type PushDeviceList = Static<typeof PushDeviceList>;
export type SnoozeBody = Static<typeof SnoozeBody>;
export type UnsubscribeBody = Static<typeof UnsubscribeBody>;
