// An image's root filesystem on this machine (buildah from + mount), and the checks on its files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './images.js';

/** Mounts a fresh working container of `image`; `unmount` removes it again. */
export function mountImage(image: string): { rootfs: string; unmount: () => void } {
  const container = execFileSync('buildah', ['from', '--pull-never', image], {
    encoding: 'utf8',
  }).trim();
  const rootfs = execFileSync('buildah', ['mount', container], { encoding: 'utf8' }).trim();
  return { rootfs, unmount: () => execFileSync('buildah', ['rm', container], { stdio: 'ignore' }) };
}

/** Every path under `root` (relative, `/`-separated), not following symbolic links. */
export function listTree(root: string): string[] {
  const result: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      result.push(child);
      if (entry.isDirectory()) visit(child);
    }
  };
  visit('');
  return result;
}

/** Paths outside third-party packages: the apps and the workspace packages (also under node_modules/@todo). */
export function ownFiles(files: string[]): string[] {
  return files.filter(
    (file) => !file.includes('node_modules/') || file.includes('node_modules/@todo/'),
  );
}

interface Manifest {
  workspaces?: string[];
  devDependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as T;
}

/**
 * Every devDependency of the root and the workspaces that production does not need: the lock
 * file marks it dev (or devOptional) — `yaml`, say, is a devDependency of the root but also a
 * production dependency of @fastify/swagger, so it may be there.
 */
export function devOnlyPackages(): string[] {
  const root = readJson<Manifest>('package.json');
  const lock = readJson<{ packages: Record<string, { dev?: boolean; devOptional?: boolean }> }>(
    'package-lock.json',
  );
  const names = new Set<string>();
  for (const manifestDir of ['.', ...(root.workspaces ?? [])]) {
    const manifest = readJson<Manifest>(path.join(manifestDir, 'package.json'));
    for (const name of Object.keys(manifest.devDependencies ?? {})) {
      const entry = lock.packages[`node_modules/${name}`];
      if (!entry || entry.dev || entry.devOptional) names.add(name);
    }
  }
  return [...names].sort();
}
