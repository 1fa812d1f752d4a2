import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCacheWritableOrExit } from '@/lib/env/startup-check';

describe('checkCacheWritableOrExit', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes on a writable .next/cache and leaves nothing behind', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'next-cache-'));
    dirs.push(root);
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    checkCacheWritableOrExit(path.join(root, 'cache'));
    expect(exit).not.toHaveBeenCalled();
    expect(existsSync(path.join(root, 'cache'))).toBe(true);
  });

  it('stops with one line naming the path when it cannot write there', () => {
    // A path under a regular file can never be created, whoever runs the test (root too).
    const root = mkdtempSync(path.join(tmpdir(), 'next-cache-'));
    dirs.push(root);
    const file = path.join(root, 'file');
    writeFileSync(file, '');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    checkCacheWritableOrExit(path.join(file, 'cache'));
    expect(exit).toHaveBeenCalledWith(1);
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written.trim().split('\n')).toHaveLength(1);
    expect(written).toBe(
      `todo-frontend: ${path.join(file, 'cache')} must be writable: mount a writable volume there (the chart's next-cache emptyDir)\n`,
    );
  });
});
