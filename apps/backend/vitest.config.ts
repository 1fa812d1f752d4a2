import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'backend',
      include: ['test/**/*.test.ts'],
      globalSetup: ['../../tests/support/postgres-global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
