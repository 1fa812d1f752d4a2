import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

export default mergeConfig(
  workspaceSource,
  defineProject({ test: { name: 'schedule', include: ['test/**/*.test.ts'] } }),
);
