// Relative, not '@/…': next.config.ts loads this file before any path alias exists.
import { requestOrigin } from './request-origin';

/**
 * Headers of every response (next.config.ts). `upgrade-insecure-requests` is left out of the CSP
 * on purpose: the app is reached over plain HTTP at http://<minikube ip>:30000, where upgrading
 * would break every asset.
 */
export function securityHeaders() {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    },
  ];
}

/**
 * The Content-Security-Policy of one response (proxy.ts). Scripts run only with this response's
 * nonce, which Next.js reads from the request's copy of this header and puts on its bootstrap,
 * RSC payload and chunk scripts; 'strict-dynamic' lets those load the rest. Styles keep
 * 'unsafe-inline': React sets style attributes, which a nonce cannot cover (and a nonce in
 * style-src would make browsers ignore 'unsafe-inline').
 */
export function contentSecurityPolicy({
  nonce,
  development,
}: {
  nonce: string;
  development: boolean;
}): string {
  return [
    "default-src 'self'",
    // React's development build uses eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** One year, this host only: other hosts of the domain may still be plain HTTP. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Whether this request reached the app over HTTPS: its forwarded origin says https (the same
 * reading as requestOrigin, which the auth origin check uses), or BETTER_AUTH_URL is https and
 * the request is for that host. Never for a plain-HTTP address such as http://localhost:3000 or
 * the NodePort. A forged X-Forwarded-Proto on plain HTTP gains nothing: browsers ignore HSTS
 * received over an insecure connection (RFC 6797 §8.1).
 */
export function servedOverHttps(headers: Headers, authUrl: string | undefined): boolean {
  const origin = requestOrigin(headers);
  if (origin?.startsWith('https://')) return true;
  if (!authUrl?.startsWith('https://') || !origin) return false;
  return new URL(origin).host === new URL(authUrl).host;
}
