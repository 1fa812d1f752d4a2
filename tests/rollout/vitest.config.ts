import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// Starts pods of both apps on their container ports (each on a loopback address of its own)
// against a real PostgreSQL and rolls them under load. The files run one at a time, after every
// other project (groupOrder 3, after the contract test's 2, which binds the same ports on
// 0.0.0.0): the probe schedule and the propagation delay are real seconds, and a machine busy
// with other tests would blur what they measure.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'rollout',
      include: ['**/*.test.ts'],
      globalSetup: ['./build-global-setup.ts', '../support/postgres-global-setup.ts'],
      fileParallelism: false,
      sequence: { groupOrder: 3 },
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
);
