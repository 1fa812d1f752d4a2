import { describe, expect, it } from 'vitest';
import { safeNextPath, signInHref } from '@/lib/auth/safe-redirect';

describe('safeNextPath', () => {
  it('keeps an allowed in-app path with its query', () => {
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/?status=pending&tag=work')).toBe('/?status=pending&tag=work');
    expect(safeNextPath(['/?q=milk', '/evil'])).toBe('/?q=milk');
  });

  it('keeps the views and a project’s page', () => {
    for (const path of ['/inbox', '/today', '/upcoming', '/projects/12']) {
      expect(safeNextPath(path)).toBe(path);
    }
  });

  it.each([
    undefined,
    null,
    '',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/api/auth/sign-out',
    '/sign-in',
    '/%2F%2Fevil.example',
    '/\u0000',
    '/\nLocation: https://evil.example',
    'evil.example',
    '/projects/',
    '/projects/0',
    '/projects/12/../../api/auth/sign-out',
    '/projects/12abc',
    '/today/x',
  ])('sends %j back to /', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('drops a fragment', () => {
    expect(safeNextPath('/?q=a#x')).toBe('/?q=a');
  });
});

describe('signInHref', () => {
  it('adds ?next= only when it is not the default', () => {
    expect(signInHref('/')).toBe('/sign-in');
    expect(signInHref('https://evil.example')).toBe('/sign-in');
    expect(signInHref('/?tag=work', '/sign-up')).toBe('/sign-up?next=%2F%3Ftag%3Dwork');
  });
});
