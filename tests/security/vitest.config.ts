import { defineProject, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// In-process attacks on the real backend (app.inject), and on the standalone frontend build run as
// a process (auth-*.test.ts), over real PostgreSQL: a fresh database per file.
export default mergeConfig(
  workspaceSource,
  defineProject({
    test: {
      name: 'security',
      include: ['**/*.test.ts'],
      globalSetup: ['./support/build-global-setup.ts', '../support/postgres-global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // eventsource-parser (under the MCP SDK's client) exports TypeScript under the `source`
      // condition the workspace resolves with: Node cannot load that, so Vite transforms both.
      server: { deps: { inline: [/@modelcontextprotocol\/sdk/, 'eventsource-parser'] } },
    },
  }),
);
