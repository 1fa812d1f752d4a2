import Type, { type Static } from 'typebox';

/** GET /api/{user_id}/events: where to resume, when the Last-Event-ID header cannot be sent. */
export const EventsQuery = Type.Object({
  after: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,15}$',
      description: 'Send the changes after this event id first (as the Last-Event-ID header does)',
    }),
  ),
});

/** The `data` of an `event: change`: what changed; the page re-reads it. */
export const LiveChange = Type.Object({
  id: Type.Integer({ description: 'The change id, also the event id' }),
  entity: Type.Union([Type.Literal('task'), Type.Literal('project')]),
  entity_id: Type.Integer(),
  op: Type.Union([
    Type.Literal('created'),
    Type.Literal('updated'),
    Type.Literal('completed'),
    Type.Literal('deleted'),
  ]),
});

export type EventsQuery = Static<typeof EventsQuery>;
export type LiveChange = Static<typeof LiveChange>;
