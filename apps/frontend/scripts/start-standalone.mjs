// Runs the built standalone server. Next's server.js binds to $HOSTNAME, which shells, Docker and
// Kubernetes set to the machine or pod name; bind to all interfaces unless told otherwise.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const server = path.resolve(import.meta.dirname, '../.next/standalone/apps/frontend/server.js');
if (!existsSync(server)) {
  console.error('todo-frontend: no build found; run `npm run build` first');
  process.exit(1);
}
process.env.HOSTNAME = process.env.FRONTEND_HOSTNAME || '0.0.0.0';
process.env.PORT ||= '3000';
process.env.NODE_ENV = 'production';
await import(pathToFileURL(server).href);
