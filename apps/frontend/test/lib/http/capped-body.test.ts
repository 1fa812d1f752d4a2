import { describe, expect, it } from 'vitest';
import { readCappedBody } from '@/lib/http/capped-body';

function streamOf(chunks: number[]) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      const size = chunks[pulled];
      pulled += 1;
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readCappedBody', () => {
  it('reads a body up to the cap', async () => {
    const { stream } = streamOf([10, 6]);
    expect(await (await readCappedBody(stream, 16))?.text()).toBe('a'.repeat(16));
  });

  it('gives null past the cap, without reading the rest', async () => {
    const { stream, pulled } = streamOf([10, 10, 10, 10, 10]);
    expect(await readCappedBody(stream, 16)).toBeNull();
    expect(pulled()).toBeLessThanOrEqual(3);
  });
});
