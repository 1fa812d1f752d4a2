// `next build` leaves .next/static and public out of the standalone server; copy them in so
// that .next/standalone/apps/frontend/server.js runs as is (also inside the image).
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const app = path.resolve(import.meta.dirname, '..');
const target = path.join(app, '.next/standalone/apps/frontend');

if (!existsSync(path.join(target, 'server.js'))) {
  console.error('copy-standalone-assets: no standalone server.js; is output "standalone" set?');
  process.exit(1);
}
for (const [from, to] of [
  ['.next/static', '.next/static'],
  ['public', 'public'],
]) {
  const source = path.join(app, from);
  const destination = path.join(target, to);
  if (!existsSync(source)) continue;
  rmSync(destination, { recursive: true, force: true });
  cpSync(source, destination, { recursive: true });
}
console.log(`copy-standalone-assets: static files copied into ${path.relative(app, target)}`);
