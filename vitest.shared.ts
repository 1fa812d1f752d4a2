import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript source under the `source` condition (see
// tsconfig.base.json `customConditions`); tests run that source, production runs `dist`.
const conditions = ['source', 'module', 'node', 'development|production'];

export const workspaceSource = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
});
