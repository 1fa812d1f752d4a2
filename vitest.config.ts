import { defineConfig, mergeConfig } from 'vitest/config';
import { workspaceSource } from './vitest.shared.js';

// One `vitest run` at the root runs every project's tests; each workspace keeps its own config.
// tests/images, tests/contract and tests/rollout need the built images: `npm run test:images`
// runs them.
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
        'tests/scripts',
        'bench',
      ],
    },
  }),
);
