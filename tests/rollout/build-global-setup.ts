// Loaded by Vitest outside the projects' resolver: plain Node imports only.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface BuildScript {
  buildIfStale(): void;
}

/**
 * The pods run the production build of both apps: build it when a source is newer (`npm test`
 * has already done so; a bare `vitest run` may not have). Empties the pods' log folder.
 */
export default async function setup() {
  rmSync(path.join(tmpdir(), 'todo-rollout-logs'), { recursive: true, force: true });
  const script = new URL('../../scripts/build-if-stale.mjs', import.meta.url).href;
  ((await import(script)) as BuildScript).buildIfStale();
}
