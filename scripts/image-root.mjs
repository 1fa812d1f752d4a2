// Assembles the file tree of an image's final stage from an installed and built checkout; the
// Dockerfiles' build stages run it as their last step:
//   node scripts/image-root.mjs backend  <out>   the esbuild bundle, its migrations, and only the
//                                               packages the bundle leaves out (no second copy
//                                               of what it already holds)
//   node scripts/image-root.mjs frontend <out>   Next.js standalone server with its static files
// It reads nothing but the checkout (no network): package versions are those `npm ci` installed
// from the lock file.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The command each image runs, relative to its working directory /app. */
export const ENTRY_POINTS = {
  backend: 'apps/backend/dist/server.js',
  frontend: 'apps/frontend/server.js',
};

/** Packages apps/backend/scripts/bundle.mjs keeps external: they must be installed beside it. */
const BACKEND_EXTERNALS = ['@fastify/swagger-ui'];

function copy(relative, out) {
  const source = path.join(root, relative);
  if (!existsSync(source)) throw new Error(`${relative} is missing: run npm run build first`);
  cpSync(source, path.join(out, relative), {
    recursive: true,
    filter: (file) => !file.endsWith('.map'),
  });
}

/** Where Node would find package `name` when required from `fromDir` (relative to the root). */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(root, candidate, 'package.json'))) return candidate;
    if (dir === '.' || dir === '') return undefined;
  }
}

/**
 * The installed package folders `names` need at run time (dependencies and installed optional
 * ones, transitively), as Node resolves them from `fromDir`.
 */
function runtimeClosure(names, fromDir) {
  const found = new Set();
  const visit = (name, from, optional) => {
    const location = resolvePackage(name, from);
    if (!location) {
      if (optional) return;
      throw new Error(`${name} (needed from ${from}) is not installed: run npm ci first`);
    }
    if (found.has(location)) return;
    found.add(location);
    const manifest = JSON.parse(readFileSync(path.join(root, location, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      visit(dependency, location, false);
    }
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) {
      visit(dependency, location, true);
    }
  };
  for (const name of names) visit(name, fromDir, false);
  return [...found].sort();
}

function assembleBackend(out) {
  copy('apps/backend/dist', out);
  copy('apps/backend/migrations', out);
  // The bundle is an ES module: its package.json says so ("type": "module"), nothing else.
  const manifest = JSON.parse(readFileSync(path.join(root, 'apps/backend/package.json'), 'utf8'));
  writeFileSync(
    path.join(out, 'apps/backend/package.json'),
    `${JSON.stringify({ name: manifest.name, version: manifest.version, private: true, type: manifest.type }, null, 2)}\n`,
  );
  for (const location of runtimeClosure(BACKEND_EXTERNALS, 'apps/backend')) {
    // Hoisted or nested, each package keeps its place so Node resolves it the same way.
    cpSync(path.join(root, location), path.join(out, location), {
      recursive: true,
      filter: (file) => !file.endsWith('.map') && !file.includes(`${location}/node_modules/`),
    });
  }
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
