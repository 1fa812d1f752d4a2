import { describe, expect, it } from 'vitest';
import { authorizeRequest } from '@/lib/tokens/authorize-request';
import { newPersonalToken } from '@/lib/tokens/personal-token';

// Nothing listens on port 9: the database is out of reach.
Object.assign(process.env, {
  DATABASE_URL: 'postgres://todo:nothing@127.0.0.1:9/todo',
  BETTER_AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
});

describe('authorizeRequest without a database', () => {
  it('answers 503 problem+json with Retry-After, not a crash', async () => {
    const answer = await authorizeRequest(
      new Request('http://localhost/api/v1/tasks', {
        headers: { authorization: `Bearer ${newPersonalToken().token}` },
      }),
    );
    expect(answer).toBeInstanceOf(Response);
    const response = answer as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('5');
  }, 20_000);
});
