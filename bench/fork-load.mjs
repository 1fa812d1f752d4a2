// Runs one measurement in a forked load generator (load.mjs), so that autocannon never shares an
// event loop with the caller. Used by npm run bench and npm run bench:pods.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @param {object} job the load generator's job (see load.mjs)
 * @param {() => void} [onWarmedUp] called when the warm-up is over and the measured run starts
 * @returns {Promise<object>} its figures
 */
export function forkLoad(job, onWarmedUp) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'load.mjs'), { stdio: 'inherit' });
    child.on('message', (answer) => {
      if (answer.warmedUp) onWarmedUp?.();
      else if (answer.failure) reject(new Error(answer.failure));
      else resolve(answer);
    });
    child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)));
    child.send(job);
  });
}
