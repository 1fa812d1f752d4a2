import Type, { type Static } from 'typebox';

/** RFC 9457 problem details: the one shape of every error the API returns. */
export const Problem = Type.Object({
  type: Type.String({ description: 'about:blank or a URI naming the problem' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), {
      description: 'Each validation failure, by JSON pointer',
    }),
  ),
});
export type Problem = Static<typeof Problem>;
