import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// Assembles each image's final stage with scripts/image-root.mjs (npm install --omit=dev for the
// backend) and starts it against a real PostgreSQL: generous timeouts on a shared machine.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'images',
      include: ['**/*.test.ts'],
      globalSetup: ['../support/postgres-global-setup.ts'],
      testTimeout: 90_000,
      hookTimeout: 180_000,
    },
  }),
);
