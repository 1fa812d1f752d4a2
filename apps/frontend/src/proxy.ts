import { type NextRequest, NextResponse } from 'next/server';
import { readServerEnv } from './lib/env/read';
import {
  contentSecurityPolicy,
  newNonce,
  STRICT_TRANSPORT_SECURITY,
  servedOverHttps,
} from './lib/http/security-headers';

// Read once; instrumentation.ts has already stopped start-up if the environment is invalid.
const environment = readServerEnv(process.env);
const authUrl = environment.ok ? environment.env.authUrl : undefined;
const development = process.env.NODE_ENV === 'development';

/**
 * Per request: a Content-Security-Policy with a fresh nonce, given to Next.js on the request (it
 * reads the nonce from there for its own scripts) and to the browser on the response; and HSTS
 * when the app is served over HTTPS. Every page renders per request anyway (each reads the
 * session), which a nonce requires.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), development });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  if (servedOverHttps(request.headers, authUrl)) {
    response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

export const config = {
  // Built assets and the auth API need no policy of their own: they are never documents. Keeping
  // /api/ out also keeps its bodies unbuffered, so the auth route's 16 KiB cap is the only read
  // (tests/security/auth-request-limits.test.ts). /mcp likewise: its transport caps what it reads.
  matcher: ['/((?!api/|mcp|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
