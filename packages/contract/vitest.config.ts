import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

export default mergeConfig(
  workspaceSource,
  defineProject({ test: { name: 'contract', include: ['test/**/*.test.ts'] } }),
);
