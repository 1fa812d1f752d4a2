// Bundles the server into one ES module, dist/server.js: loading ~600 files one by one took most
// of the cold start (docs/benchmarks.md). @fastify/swagger-ui stays a package because it serves
// its own static files from its folder. The SQL migrations are copied beside dist/, where
// migrationsFolder (`../migrations` from the running module) finds them.
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const app = fileURLToPath(new URL('..', import.meta.url));

rmSync(`${app}/dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${app}/src/server.ts`],
  outfile: `${app}/dist/server.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external: ['@fastify/swagger-ui'],
  sourcemap: true,
  legalComments: 'none',
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
rmSync(`${app}/migrations`, { recursive: true, force: true });
cpSync(
  fileURLToPath(new URL('../../../packages/db/migrations', import.meta.url)),
  `${app}/migrations`,
  {
    recursive: true,
  },
);
