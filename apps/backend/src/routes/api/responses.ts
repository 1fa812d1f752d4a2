import { Problem, Task } from '@todo/contract';
import Type from 'typebox';

/** Error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  413: Problem,
  422: Problem,
  503: Problem,
};

/** …and those of a write that takes If-Match. */
export const conditionalErrorResponses = {
  ...errorResponses,
  412: Type.Object(Problem.properties, {
    description: 'If-Match named no current version of the task: nothing was changed',
  }),
};

/** One task, with its version as the ETag header (OpenAPI reads `headers` from here). */
export const TaskWithEtag = Type.Object(Task.properties, {
  headers: {
    etag: {
      type: 'string',
      description: 'The task version, quoted ("3"); send it back in If-Match',
    },
  },
});

/** The If-Match a write accepts (RFC 9110 §13.1.1). */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      description:
        'Write only if the task is still at this ETag (or one of a list); a stale one answers ' +
        '412 and changes nothing. `*` or no header: write whatever the version.',
    }),
  ),
});

export const security = [{ bearer: [] }];
