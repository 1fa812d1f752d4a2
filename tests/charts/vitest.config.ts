import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'charts', include: ['**/*.test.ts'], testTimeout: 60000 },
});
