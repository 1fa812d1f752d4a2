/**
 * Headers sent with every response. The CSP has no nonce: Next.js inlines its bootstrap and
 * RSC payload scripts and React sets inline styles, so script-src and style-src need
 * 'unsafe-inline' (a nonce would force every page to render per request without caching).
 * `upgrade-insecure-requests` is left out on purpose: the app is reached over plain HTTP at
 * http://<minikube ip>:30000, where upgrading would break every asset.
 */
export function securityHeaders({ development }: { development: boolean }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
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
