// Assembles the file tree of an image's final stage from an installed and built checkout:
//   node scripts/image-root.mjs backend  <out>   production dependencies only, no sources
//   node scripts/image-root.mjs frontend <out>   Next.js standalone server with its static files
// The Dockerfiles run exactly this after `npm ci` and `npm run build`, and the image test runs it
// here (no Docker engine on CI) and starts the entry point from the result.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './stack.mjs';

/** The command each image runs, relative to its working directory /app. */
export const ENTRY_POINTS = {
  backend: 'apps/backend/dist/server.js',
  frontend: 'apps/frontend/server.js',
};

const BACKEND_FILES = [
  'package.json',
  'package-lock.json',
  // dist/server.js bundles the workspace packages; their manifests still let npm resolve the
  // workspace, and node_modules supplies @fastify/swagger-ui, which the bundle leaves out.
  'packages/contract/package.json',
  'packages/db/package.json',
  'apps/backend/package.json',
  'apps/backend/dist',
  'apps/backend/migrations',
];

function copy(relative, out, from = root) {
  const source = path.join(from, relative);
  if (!existsSync(source)) throw new Error(`${relative} is missing: run npm run build first`);
  cpSync(source, path.join(out, relative), {
    recursive: true,
    filter: (file) => !file.endsWith('.map'),
  });
}

/** Leaves only what production needs in a manifest: `npm --omit=dev` keeps workspaces' devDependencies. */
function productionManifest(file, changes = {}) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  delete manifest.devDependencies;
  delete manifest.scripts;
  writeFileSync(file, `${JSON.stringify({ ...manifest, ...changes }, null, 2)}\n`);
}

function assembleBackend(out) {
  for (const file of BACKEND_FILES) copy(file, out);
  productionManifest(path.join(out, 'package.json'), {
    workspaces: ['packages/contract', 'packages/db', 'apps/backend'],
  });
  for (const workspace of ['packages/contract', 'packages/db', 'apps/backend']) {
    productionManifest(path.join(out, workspace, 'package.json'));
  }
  // Versions still come from the committed lock file; npm only drops what nothing needs.
  execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: out,
    stdio: 'inherit',
  });
}

function assembleFrontend(out) {
  // next build's standalone folder already holds the traced node_modules and server.js; the
  // frontend's build script copies .next/static and public into it.
  const standalone = path.join(root, 'apps/frontend/.next/standalone');
  if (!existsSync(path.join(standalone, ENTRY_POINTS.frontend))) {
    throw new Error('apps/frontend/.next/standalone is missing: run npm run build first');
  }
  cpSync(standalone, out, { recursive: true, verbatimSymlinks: true });
}

export function assemble(image, out) {
  if (!(image in ENTRY_POINTS))
    throw new Error(`usage: image-root.mjs <backend|frontend> <out-dir>`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  if (image === 'backend') assembleBackend(out);
  else assembleFrontend(out);
  return path.join(out, ENTRY_POINTS[image]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [image, out] = process.argv.slice(2);
  if (!image || !out) {
    console.error('usage: node scripts/image-root.mjs <backend|frontend> <out-dir>');
    process.exit(2);
  }
  console.log(assemble(image, path.resolve(out)));
}
