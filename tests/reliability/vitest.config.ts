import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// Runs the production build (apps/backend/dist/server.js) as a real process against real
// PostgreSQL. The files run one at a time and after every other project (groupOrder): their
// timing bounds (fail fast within 6 s, recover within 5 s, drain within 30 s) should measure the
// backend, not the rest of the suite competing for this machine's two cores.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'reliability',
      include: ['**/*.test.ts'],
      globalSetup: ['./support/build-global-setup.ts', '../support/postgres-global-setup.ts'],
      fileParallelism: false,
      sequence: { groupOrder: 1 },
      testTimeout: 90_000,
      hookTimeout: 120_000,
    },
  }),
);
