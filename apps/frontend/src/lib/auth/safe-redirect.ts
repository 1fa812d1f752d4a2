/** Pages a `?next=` parameter may send the user back to after signing in. */
const ALLOWED_PATHS = new Set(['/', '/inbox', '/today', '/upcoming']);
/** A project's page: digits only, so nothing else hides behind the prefix. */
const PROJECT_PATH = /^\/projects\/[1-9][0-9]{0,9}$/;
const PLACEHOLDER_ORIGIN = 'http://redirect.invalid';

/**
 * The in-app path to continue to, or "/" when `next` is missing or points anywhere not on the
 * allow-list: other hosts, protocol-relative `//evil`, backslash tricks and unknown paths.
 */
export function safeNextPath(next: string | string[] | null | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || !isAllowed(url.pathname)) return '/';
  return `${url.pathname}${url.search}`;
}

function isAllowed(pathname: string): boolean {
  return ALLOWED_PATHS.has(pathname) || PROJECT_PATH.test(pathname);
}

/** `/sign-in?next=…` for a page the visitor wanted, omitting the default. */
export function signInHref(next: string, page: '/sign-in' | '/sign-up' = '/sign-in'): string {
  const safe = safeNextPath(next);
  return safe === '/' ? page : `${page}?next=${encodeURIComponent(safe)}`;
}
