import { describe, expect, it } from 'vitest';
import { requestOrigin } from '@/lib/http/request-origin';

const origin = (headers: Record<string, string>) => requestOrigin(new Headers(headers));

describe('requestOrigin', () => {
  it('is the Host over plain HTTP', () => {
    expect(origin({ host: 'localhost:3000' })).toBe('http://localhost:3000');
    expect(origin({ host: '192.168.49.2:30000' })).toBe('http://192.168.49.2:30000');
    expect(origin({ host: '[::1]:3000' })).toBe('http://[::1]:3000');
  });

  it('prefers the forwarded host and protocol of a proxy', () => {
    expect(
      origin({
        host: 'todo-frontend:3000',
        'x-forwarded-host': 'Todo.Example.com',
        'x-forwarded-proto': 'https',
      }),
    ).toBe('https://todo.example.com');
    expect(
      origin({
        host: 'a',
        'x-forwarded-host': 'b.example, c.example',
        'x-forwarded-proto': 'https,http',
      }),
    ).toBe('https://b.example');
  });

  it('ignores anything that is not a plain host', () => {
    expect(origin({})).toBeNull();
    expect(origin({ host: 'evil.example/path' })).toBeNull();
    expect(origin({ host: 'user@evil.example' })).toBeNull();
    expect(origin({ host: 'localhost:3000', 'x-forwarded-proto': 'javascript' })).toBe(
      'http://localhost:3000',
    );
  });
});
