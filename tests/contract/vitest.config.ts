import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// Renders both charts with the real helm, assembles both images' trees and starts them on the
// container ports 8000 and 3000 against a real PostgreSQL, then acts as the kubelet. One file,
// so the fixed ports are never contended within the run.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'contract-chart',
      include: ['**/*.test.ts'],
      globalSetup: ['../support/postgres-global-setup.ts'],
      fileParallelism: false,
      testTimeout: 90_000,
      hookTimeout: 240_000,
    },
  }),
);
