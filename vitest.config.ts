import { defineConfig, mergeConfig } from 'vitest/config';
import { workspaceSource } from './vitest.shared.js';

// One `vitest run` at the root runs every project's tests; each workspace keeps its own config.
export default mergeConfig(
  workspaceSource,
  defineConfig({
    test: {
      projects: [
        'packages/*',
        'apps/backend',
        'apps/frontend',
        'tests/charts',
        'tests/reliability',
        'tests/security',
        'tests/images',
        'tests/contract',
        'tests/rollout',
        'tests/scripts',
        'bench',
      ],
    },
  }),
);
