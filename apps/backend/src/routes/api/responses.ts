import { Problem, Project, Task } from '@todo/contract';
import Type, { type TProperties } from 'typebox';

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
    description: 'If-Match named no current version: nothing was changed',
  }),
};

/** A project write can also break a rule of projects (a duplicate name, the Inbox's). */
const ProjectConflict = Type.Object(Problem.properties, {
  description: 'A rule of projects refused the request (the detail says which): nothing changed',
});
export const projectErrorResponses = { ...errorResponses, 409: ProjectConflict };
export const conditionalProjectErrorResponses = {
  ...conditionalErrorResponses,
  409: ProjectConflict,
};

/** A schema whose answer carries the version as the ETag header (OpenAPI reads `headers`). */
const withEtag = <Properties extends TProperties>(properties: Properties, noun: string) =>
  Type.Object(properties, {
    headers: {
      etag: {
        type: 'string',
        description: `The ${noun} version, quoted ("3"); send it back in If-Match`,
      },
    },
  });

export const TaskWithEtag = withEtag(Task.properties, 'task');
export const ProjectWithEtag = withEtag(Project.properties, 'project');

/** The If-Match a write accepts (RFC 9110 §13.1.1). */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      description:
        'Write only if the task or project is still at this ETag (or one of a list); a stale one answers ' +
        '412 and changes nothing. `*` or no header: write whatever the version.',
    }),
  ),
});

export const security = [{ bearer: [] }];
