// The repository stands alone: every relative link in the Markdown documentation points at a file
// inside it, and nothing cites the design notes it was written from.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helm.js';

async function markdownFiles(): Promise<string[]> {
  const files = ['README.md'];
  for (const dir of ['docs', 'charts', 'apps', 'packages', 'tests', 'bench', 'scripts', 'deploy']) {
    const entries = await readdir(join(repoRoot, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const path = relative(repoRoot, join(entry.parentPath, entry.name));
      if (entry.isFile() && entry.name.endsWith('.md') && !path.includes('node_modules')) {
        files.push(path);
      }
    }
  }
  return files;
}

/** Relative link targets of a Markdown text, without their #anchors. */
function relativeLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] ?? '');
}

describe('the documentation', () => {
  it('links only to files inside the repository', async () => {
    const broken: string[] = [];
    for (const file of await markdownFiles()) {
      const text = await readFile(join(repoRoot, file), 'utf8');
      for (const target of relativeLinks(text)) {
        const path = resolve(repoRoot, dirname(file), target);
        if (!path.startsWith(repoRoot) || !existsSync(path)) broken.push(`${file} → ${target}`);
      }
      expect(text, file).not.toMatch(/shared\/design\.md|spec\/k8s-data-model\.md/);
    }
    expect(broken).toEqual([]);
  });

  it('would notice a link out of the repository', () => {
    expect(
      relativeLinks('See [the design](../shared/design.md#why) and [x](https://a.b).'),
    ).toEqual(['../shared/design.md']);
  });
});
