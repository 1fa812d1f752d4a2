// /mcp spends the same per-token budget as the public API (authorizeRequest): past it, 429 with
// Retry-After, for that token only. A frontend with a budget of 5 a minute.
import { describe, expect, it } from 'vitest';
import { post } from './support/frontend.js';
import { INITIALIZE, MCP_HEADERS } from './support/mcp-calls.js';
import { useMcpStack } from './support/mcp-stack.js';

const stack = useMcpStack({ TOKEN_RATE_LIMIT_PER_MINUTE: '5' });

const initialize = (token: string) =>
  post(stack().mcpUrl, INITIALIZE, {
    headers: { ...MCP_HEADERS, authorization: `Bearer ${token}` },
  });

describe('the per-token rate limit', () => {
  it('answers 429 with Retry-After past the budget, while another token still gets through', async () => {
    const busy = await stack().token(stack().ada, 'read');
    // Windows are whole minutes of the database's clock (this machine's): start early in one, so
    // the seven requests below fall into the same window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000)
      await new Promise((resolve) => setTimeout(resolve, 61_000 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await initialize(busy)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await initialize(busy);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await stack().token(stack().ada, 'read');
    expect((await initialize(other)).status).toBe(200);
  });
});
