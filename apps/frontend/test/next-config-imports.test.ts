import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Relative imports of a TypeScript file, resolved to files, and whether it uses the alias. */
function importsOf(file: string): { relative: string[]; aliased: string[] } {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
  return {
    relative: specifiers
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => `${path.resolve(path.dirname(file), specifier)}.ts`),
    aliased: specifiers.filter((specifier) => specifier.startsWith('@/')),
  };
}

describe('next.config.ts', () => {
  // Next compiles the config on its own, before the `@/` path alias exists: an aliased import
  // anywhere it loads fails `next build` with "Cannot find module".
  it('loads no module that imports through the @/ alias', () => {
    const seen = new Set<string>();
    const queue = [path.join(root, 'next.config.ts')];
    const aliased: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const found = importsOf(file);
      aliased.push(
        ...found.aliased.map((specifier) => `${path.relative(root, file)}: ${specifier}`),
      );
      queue.push(...found.relative);
    }
    expect(seen.size).toBeGreaterThan(2);
    expect(aliased).toEqual([]);
  });
});
