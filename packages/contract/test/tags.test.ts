import { describe, expect, it } from 'vitest';
import { normalizeTags } from '../src/tags.js';

describe('normalizeTags', () => {
  it('trims and lower-cases', () => {
    expect(normalizeTags(['  Work ', 'HOME'])).toEqual(['work', 'home']);
  });

  it('merges duplicates, keeping the order first given', () => {
    expect(normalizeTags(['b', 'A', 'a ', 'B', 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('drops tags that are empty once trimmed', () => {
    expect(normalizeTags(['', '   ', 'x'])).toEqual(['x']);
  });

  it('lower-cases beyond ASCII and keeps emoji', () => {
    expect(normalizeTags(['ÉCOLE', 'Straße', '🚀 Launch'])).toEqual([
      'école',
      'straße',
      '🚀 launch',
    ]);
  });

  it('does not change its argument', () => {
    const tags = [' A '];
    normalizeTags(tags);
    expect(tags).toEqual([' A ']);
  });
});
