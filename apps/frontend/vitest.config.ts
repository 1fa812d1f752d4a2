import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

const here = import.meta.dirname;

export default mergeConfig(
  workspaceSource,
  defineProject({
    plugins: [react()],
    resolve: {
      alias: {
        '@': path.join(here, 'src'),
        // Next.js resolves `server-only` itself; in tests it is an empty module.
        'server-only': path.join(here, 'test/support/server-only.ts'),
      },
    },
    test: {
      name: 'frontend',
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'node',
      // Real PostgreSQL for the tests of what the frontend stores (test/lib/tokens).
      globalSetup: ['../../tests/support/postgres-global-setup.ts'],
    },
  }),
);
