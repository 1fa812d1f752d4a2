// Builds the stand-in base (cached) and both images once per run, before any test file.
import type { TestProject } from 'vitest/node';
import { apps, buildImage, imageName, requireBuildTools, standInBase } from './support/images.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The stand-in for node:24-bookworm-slim the images were built on. */
    baseImage: string;
    /** Seconds each image's build took in this run. */
    buildSeconds: Record<string, number>;
  }
}

export default async function setup(project: TestProject) {
  try {
    requireBuildTools();
  } catch (error) {
    // One line, not a stack trace: the fix is an install command.
    process.stderr.write(`test:images: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const base = await standInBase();
  const buildSeconds: Record<string, number> = {};
  // One after the other: each build uses both cores.
  for (const app of apps) {
    const started = performance.now();
    await buildImage(app, base);
    buildSeconds[imageName(app)] = Math.round((performance.now() - started) / 100) / 10;
  }
  console.log(`test:images: built on ${base}: ${JSON.stringify(buildSeconds)} s`);
  project.provide('baseImage', base);
  project.provide('buildSeconds', buildSeconds);
}
