import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    include: ['*.test.ts'],
    testTimeout: 420_000,
    hookTimeout: 600_000,
  },
});
