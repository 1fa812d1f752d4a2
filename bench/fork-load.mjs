// Runs one measurement in a forked load generator (load.mjs), so that autocannon never shares an
// event loop with the caller. Used by npm run bench and npm run bench:pods.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** @param {object} job the load generator's job (see load.mjs) @returns {Promise<object>} its figures */
export function forkLoad(job) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'load.mjs'), { stdio: 'inherit' });
    child.once('message', (answer) =>
      answer.failure ? reject(new Error(answer.failure)) : resolve(answer),
    );
    child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)));
    child.send(job);
  });
}
