import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// Renders both charts with the real helm, assembles both images' trees and starts them on the
// container ports 8000 and 3000 against a real PostgreSQL, then acts as the kubelet. One file,
// so the fixed ports are never contended within the run. The probes must answer within their
// initialDelaySeconds (5 s for the backend's readiness), a bound on the apps' start-up: the
// project runs after every other one (groupOrder 2, after reliability's 1) so that it measures
// the apps, not the rest of the suite competing for the machine's cores.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'contract-chart',
      include: ['**/*.test.ts'],
      globalSetup: ['../support/postgres-global-setup.ts'],
      fileParallelism: false,
      sequence: { groupOrder: 2 },
      testTimeout: 90_000,
      hookTimeout: 240_000,
    },
  }),
);
