import { describe, expect, it } from 'vitest';
import { checkMcpOrigin } from '@/lib/mcp/request-guard';

const headers = (values: Record<string, string>) => new Headers(values);
const PINNED = 'https://todo.example.com';

describe('checkMcpOrigin', () => {
  it('with BETTER_AUTH_URL pinned, accepts its host and origin and names it', () => {
    const check = checkMcpOrigin(
      headers({ host: 'todo.example.com', origin: 'https://todo.example.com' }),
      PINNED,
    );
    expect(check).toEqual({ ok: true, origin: 'https://todo.example.com' });
    // A proxy's X-Forwarded-Host is the host the client addressed.
    expect(
      checkMcpOrigin(
        headers({ host: 'todo-frontend:3000', 'x-forwarded-host': 'todo.example.com' }),
        PINNED,
      ).ok,
    ).toBe(true);
  });

  it('with BETTER_AUTH_URL pinned, refuses another host (DNS rebinding) or origin', () => {
    expect(checkMcpOrigin(headers({ host: 'rebound.evil.example' }), PINNED).ok).toBe(false);
    expect(checkMcpOrigin(headers({ host: 'todo.example.com:8443' }), PINNED).ok).toBe(false);
    for (const origin of ['https://evil.example', 'http://todo.example.com', 'null', '%%']) {
      expect(checkMcpOrigin(headers({ host: 'todo.example.com', origin }), PINNED).ok, origin).toBe(
        false,
      );
    }
  });

  it('unpinned, accepts any well-formed host but only its own origin', () => {
    expect(checkMcpOrigin(headers({ host: 'localhost:3000' }), undefined)).toEqual({
      ok: true,
      origin: 'http://localhost:3000',
    });
    const own = headers({ host: 'localhost:3000', origin: 'http://localhost:3000' });
    expect(checkMcpOrigin(own, undefined).ok).toBe(true);
    const foreign = headers({ host: 'localhost:3000', origin: 'http://evil.example' });
    expect(checkMcpOrigin(foreign, undefined).ok).toBe(false);
  });

  it('refuses a missing or malformed Host', () => {
    expect(checkMcpOrigin(headers({}), undefined).ok).toBe(false);
    expect(checkMcpOrigin(headers({ host: 'a b/c' }), PINNED).ok).toBe(false);
  });
});
