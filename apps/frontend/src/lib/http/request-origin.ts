const HOST_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

function firstValue(value: string | null): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}

/**
 * The origin a browser used to reach this server: X-Forwarded-Host/-Proto when a proxy (or
 * Next.js itself) set them, else Host over plain HTTP. A cross-site page cannot set these
 * headers on a request, so trusting exactly this origin admits same-origin requests at any
 * address (localhost:3000, <minikube ip>:30000, a 127.0.0.1:<port> tunnel) and refuses others.
 */
export function requestOrigin(headers: Headers): string | null {
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host'));
  if (!host || !HOST_PATTERN.test(host)) return null;
  const proto = firstValue(headers.get('x-forwarded-proto'));
  const scheme = proto === 'https' ? 'https' : 'http';
  return `${scheme}://${host.toLowerCase()}`;
}
