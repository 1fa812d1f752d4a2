import { Problem } from '@todo/contract';

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

export const security = [{ bearer: [] }];
