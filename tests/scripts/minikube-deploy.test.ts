// Issue 9 item 5 and issue 8 item 12: scripts/minikube-deploy.sh fails loudly and only ever
// talks to Minikube. No cluster runs here, so minikube, kubectl, docker and helm are stubs on
// PATH (fixtures/stub-command) that record their calls and keep a fake image store; the script,
// bash, node and the coreutils are the real ones.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './support/private-checkout.js';

const STUB = path.join(import.meta.dirname, 'fixtures/stub-command');
/** What the script reads from the repository; copied so its `.data/` secret lands in a temp dir. */
const FILES = [
  'scripts/minikube-deploy.sh',
  'scripts/minikube-teardown.sh',
  'scripts/minikube-common.sh',
  'deploy/minikube/dev-postgres.yaml',
  'apps/backend/package.json',
];
// Outside git, the tag is the version alone.
const TAG = JSON.parse(readFileSync(path.join(repoRoot, 'apps/backend/package.json'), 'utf8'))
  .version as string;

interface Sandbox {
  root: string;
  state: string;
  bin: string;
}

const sandboxes: string[] = [];
afterEach(() => {
  for (const dir of sandboxes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the scripts and a PATH of stubs; `docker` is on it only when asked for. */
function sandbox({ docker }: { docker: boolean }): Sandbox {
  const base = mkdtempSync(path.join(tmpdir(), 'todo-minikube-deploy-'));
  sandboxes.push(base);
  const box = {
    root: path.join(base, 'repo'),
    state: path.join(base, 'state'),
    bin: path.join(base, 'bin'),
  };
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(box.root, file)), { recursive: true });
    copyFileSync(path.join(repoRoot, file), path.join(box.root, file));
  }
  mkdirSync(box.state);
  mkdirSync(box.bin);
  for (const tool of ['minikube', 'kubectl', 'helm', ...(docker ? ['docker'] : [])]) {
    symlinkSync(STUB, path.join(box.bin, tool));
  }
  symlinkSync(process.execPath, path.join(box.bin, 'node'));
  return box;
}

function seed(box: Sandbox, tool: 'minikube' | 'docker', images: string[]) {
  writeFileSync(path.join(box.state, `${tool}-images`), `${images.join('\n')}\n`);
}

const images = (box: Sandbox, tool: 'minikube' | 'docker') =>
  readFileSync(path.join(box.state, `${tool}-images`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .sort();
const calls = (box: Sandbox) =>
  readFileSync(path.join(box.state, 'calls'), 'utf8').split('\n').filter(Boolean);

/** Runs a script under the usual umask 022, with nothing but the stubs and /usr/bin on PATH. */
function run(box: Sandbox, script: string, env: Record<string, string> = {}, args: string[] = []) {
  return spawnSync(
    'bash',
    ['-c', 'umask 022; exec bash "$@"', 'bash', path.join(box.root, script), ...args],
    {
      encoding: 'utf8',
      env: { PATH: `${box.bin}:/usr/bin:/bin`, HOME: box.root, STUB_STATE: box.state, ...env },
    },
  );
}
const deploy = (box: Sandbox, env: Record<string, string> = {}) =>
  run(box, 'scripts/minikube-deploy.sh', env, ['--dev-postgres']);

const OLD = ['todo-backend:0.9.0-1a2b3c4', 'todo-frontend:0.9.0-1a2b3c4'];
const CURRENT = [`todo-backend:${TAG}`, `todo-frontend:${TAG}`];
const library = (names: string[]) => names.map((name) => `docker.io/library/${name}`);

function expectInstalledBothCharts(box: Sandbox) {
  const installs = calls(box).filter((call) => call.includes(' upgrade --install '));
  expect(installs.map((call) => call.split(' ')[5])).toEqual(['todo-backend', 'todo-frontend']);
  for (const install of installs)
    expect(install).toContain(`--set image.tag=${TAG} --set image.pullPolicy=Never`);
}

describe('scripts/minikube-deploy.sh', () => {
  it('without Docker on the host: builds inside Minikube, installs both charts, prunes older tags', () => {
    const box = sandbox({ docker: false });
    seed(box, 'minikube', [...library(OLD), 'docker.io/library/postgres:17-alpine']);
    const result = deploy(box);
    expect(result.status, result.stderr).toBe(0);
    expect(calls(box)).toContain(
      `minikube image build -t todo-backend:${TAG} -f apps/backend/Dockerfile .`,
    );
    expect(calls(box)).toContain(
      `minikube image build -t todo-frontend:${TAG} -f apps/frontend/Dockerfile .`,
    );
    expect(calls(box).some((call) => call.startsWith('docker '))).toBe(false);
    expectInstalledBothCharts(box);
    expect(images(box, 'minikube')).toEqual(library([...CURRENT, 'postgres:17-alpine']).sort());
    expect(result.stdout).toContain('Open: http://192.168.49.2:30000');
  });

  it('with Docker on the host: builds there, loads into Minikube, prunes older tags in both', () => {
    const box = sandbox({ docker: true });
    seed(box, 'minikube', library(OLD));
    seed(box, 'docker', [...OLD, 'node:24-bookworm-slim']);
    const result = deploy(box);
    expect(result.status, result.stderr).toBe(0);
    expect(calls(box)).toContain(
      `docker build -t todo-backend:${TAG} -f apps/backend/Dockerfile .`,
    );
    expect(calls(box)).toContain(`minikube image load todo-frontend:${TAG}`);
    expect(calls(box).some((call) => call.startsWith('minikube image build'))).toBe(false);
    expectInstalledBothCharts(box);
    expect(images(box, 'minikube')).toEqual(library(CURRENT));
    expect(images(box, 'docker')).toEqual([...CURRENT, 'node:24-bookworm-slim'].sort());
  });

  it('with a Docker client whose daemon does not answer: builds inside Minikube', () => {
    const box = sandbox({ docker: true });
    const result = deploy(box, { STUB_FAIL: '^docker info' });
    expect(result.status, result.stderr).toBe(0);
    expect(calls(box)).toContain(
      `minikube image build -t todo-backend:${TAG} -f apps/backend/Dockerfile .`,
    );
    expect(calls(box).filter((call) => call.startsWith('docker '))).toEqual(['docker info']);
  });

  it('stops with a clear message and installs nothing when the image is missing after the build', () => {
    const box = sandbox({ docker: false });
    const result = deploy(box, { STUB_BUILD_LEAVES_NO_IMAGE: '1' });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      `minikube-deploy.sh: todo-backend:${TAG} is not in the Minikube node after the build: the build failed (see its output above); nothing was installed`,
    );
    expect(calls(box).some((call) => call.startsWith('helm '))).toBe(false);
  });

  it('passes the minikube context to every kubectl and helm call, the teardown included', () => {
    const box = sandbox({ docker: false });
    expect(deploy(box).status).toBe(0);
    expect(run(box, 'scripts/minikube-teardown.sh').status).toBe(0);
    const cluster = calls(box).filter((call) => /^(kubectl|helm) /.test(call));
    expect(cluster.filter((call) => call.startsWith('kubectl '))).not.toHaveLength(0);
    expect(cluster.filter((call) => call.startsWith('helm '))).toHaveLength(4);
    for (const call of cluster) {
      expect(call).toMatch(/^(kubectl --context minikube|helm --kube-context minikube) /);
    }
  });

  it('teardown names the real tags it leaves in Minikube', () => {
    const box = sandbox({ docker: false });
    seed(box, 'minikube', [...library(CURRENT), 'docker.io/library/postgres:17-alpine']);
    const result = run(box, 'scripts/minikube-teardown.sh');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`  minikube image rm ${CURRENT.join(' ')}\n`);
  });

  it('writes the generated secret with mode 0600, and tightens one an older version left 0644', () => {
    const box = sandbox({ docker: false });
    const secretFile = path.join(box.root, '.data/minikube-better-auth-secret');
    expect(deploy(box).status).toBe(0);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(secretFile, 'utf8').trim().length).toBeGreaterThanOrEqual(32);

    chmodSync(secretFile, 0o644);
    expect(deploy(box).status).toBe(0);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
  });
});
