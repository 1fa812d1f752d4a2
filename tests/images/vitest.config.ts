import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// `npm run test:images`, not part of `npm test`: builds both images with buildah (global setup),
// then starts them as the charts' pods would run them (tests/images, tests/contract). One file at
// a time: the pods listen on their real container ports, and a build uses both cores.
export default mergeConfig(
  workspaceSource,
  defineConfig({
    test: {
      root: fileURLToPath(new URL('../..', import.meta.url)),
      include: ['tests/images/**/*.test.ts', 'tests/contract/**/*.test.ts'],
      // The images first: without buildah the run stops before anything else starts.
      globalSetup: ['tests/images/global-setup.ts', 'tests/support/postgres-global-setup.ts'],
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 600_000,
    },
  }),
);
