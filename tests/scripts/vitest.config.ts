import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// The repository's own scripts, run as a user runs them: `npm start` from a private folder, the
// Minikube deploy script against stub commands.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'scripts',
      include: ['**/*.test.ts'],
      testTimeout: 180_000,
      hookTimeout: 120_000,
    },
  }),
);
