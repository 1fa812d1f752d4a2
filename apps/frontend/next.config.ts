import path from 'node:path';
import type { NextConfig } from 'next';
import { securityHeaders } from './src/lib/http/security-headers';

const monorepoRoot = path.join(import.meta.dirname, '../..');

const nextConfig: NextConfig = {
  output: 'standalone',
  // Trace from the monorepo root so the standalone bundle holds the workspace packages and
  // lands at .next/standalone/apps/frontend/server.js.
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  // postgres.js opens raw sockets; keep it a plain Node require instead of bundling it.
  serverExternalPackages: ['postgres'],
  experimental: {
    // With a proxy (src/proxy.ts) Next.js buffers each request body in memory, up to 10 MB by
    // default: a stranger's POSTs to a page would each cost that. Server actions take at most
    // 1 MB (their own limit), so nothing legitimate is cut.
    proxyClientMaxBodySize: '1mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        // The Content-Security-Policy, with a nonce per response, and HSTS come from src/proxy.ts.
        headers: securityHeaders(),
      },
    ];
  },
};

export default nextConfig;
