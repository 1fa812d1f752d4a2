// The bare reference of the page scenarios: a standalone Next.js 16 build, as the frontend's.
import path from 'node:path';

const monorepoRoot = path.join(import.meta.dirname, '../../..');

/** @type {import('next').NextConfig} */
export default {
  output: 'standalone',
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  poweredByHeader: false,
};
