import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// `npm run test:images`, not part of `npm test`: builds both images with buildah (global setup),
// then starts them as the charts' pods would run them (tests/images, tests/contract) and rolls
// them under load (tests/rollout). One file at a time: the pods listen on their real container
// ports, and the rollouts' probe schedule and propagation delay are real seconds that a busy
// machine would blur.
export default mergeConfig(
  workspaceSource,
  defineConfig({
    test: {
      root: fileURLToPath(new URL('../..', import.meta.url)),
      include: [
        'tests/images/**/*.test.ts',
        'tests/contract/**/*.test.ts',
        'tests/rollout/**/*.test.ts',
      ],
      // The images first: without buildah the run stops before anything else starts.
      globalSetup: ['tests/images/global-setup.ts', 'tests/support/postgres-global-setup.ts'],
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 600_000,
    },
  }),
);
