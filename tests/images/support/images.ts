// Builds the two images exactly as the README tells a user to, on the stand-in base (a test
// fixture: the official node image cannot be pulled here), and reads what buildah stored.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export type App = 'backend' | 'frontend';
export const apps: readonly App[] = ['backend', 'frontend'];

/** The tag each build gives its image (buildah stores it under localhost/). */
export const imageName = (app: App, tag = 'latest') => `localhost/todo-${app}:${tag}`;

/** Fails with one line saying what to install; npm run test:images never skips. */
export function requireBuildTools(): void {
  for (const tool of ['buildah', 'debootstrap']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `${tool} is not installed: apt-get install -y buildah podman debootstrap (npm run test:images builds and runs the real images with them)`,
      );
    }
  }
}

/** The stand-in for node:24-bookworm-slim, built once and cached by content (see the fixture). */
export async function standInBase(): Promise<string> {
  const script = `${repoRoot}tests/images/fixtures/stand-in-node-base.sh`;
  const { stdout } = await run('bash', [script], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim().split('\n').at(-1) ?? '';
}

/**
 * `buildah bud --isolation chroot --layers -f apps/<app>/Dockerfile --build-arg NODE_IMAGE=<base>
 * -t todo-<app> .` from `context` (the repository root by default). Returns buildah's output.
 */
export async function buildImage(
  app: App,
  base: string,
  options: { context?: string; tag?: string } = {},
): Promise<string> {
  const context = options.context ?? repoRoot;
  const args = [
    'bud',
    '--isolation',
    'chroot',
    '--layers',
    '-f',
    `apps/${app}/Dockerfile`,
    '--build-arg',
    `NODE_IMAGE=${base}`,
    '-t',
    `todo-${app}${options.tag ? `:${options.tag}` : ''}`,
    '.',
  ];
  try {
    const { stdout, stderr } = await run('buildah', args, {
      cwd: context,
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`buildah ${args.join(' ')} failed:\n${`${stdout}\n${stderr}`.slice(-6000)}`);
  }
}

export interface HistoryEntry {
  /** Bytes the step added (0 for configuration-only steps). */
  size: number;
  createdBy: string;
}

/** The image's build steps, newest first, with the bytes each added (podman reads the store). */
export async function history(image: string): Promise<HistoryEntry[]> {
  const { stdout } = await run('podman', ['history', '--no-trunc', '--format', 'json', image]);
  return (JSON.parse(stdout) as { size: number; createdBy?: string; CreatedBy?: string }[]).map(
    (entry) => ({ size: entry.size, createdBy: entry.createdBy ?? entry.CreatedBy ?? '' }),
  );
}

/** Uncompressed size of an image in bytes. */
export async function imageSize(image: string): Promise<number> {
  const { stdout } = await run('podman', ['image', 'inspect', '--format', '{{.Size}}', image]);
  return Number(stdout.trim());
}
