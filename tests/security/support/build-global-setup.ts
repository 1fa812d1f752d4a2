// Loaded by Vitest outside the projects' resolver: plain Node imports only.
import { build } from '../../support/scripts.js';

/** The auth tests run the standalone frontend: build it when missing or older than its sources. */
export default function setup() {
  build.buildIfStale();
}
