import { Tag, Title } from '@todo/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The pattern title and tags had before: the same language, in quadratic time.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters it refuses
const QUADRATIC = /^[^\u0000\p{Cs}]*[^\s\u0000\p{Cs}][^\u0000\p{Cs}]*$/u;
const patternOf = (schema: object) => (schema as { pattern?: string }).pattern;
const linear = new RegExp(patternOf(Title) ?? '(?!)', 'u');

// Characters at every boundary of the pattern: spaces of each kind (\s), visible text, the
// characters refused (NUL, lone surrogates of both halves) and a surrogate pair.
const ALPHABET = [
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u3000',
  '\u200b',
  'a',
  'é',
  '😀',
];
const REFUSED = ['\u0000', '\ud800', '\udfff'];
const edgy = fc
  .array(fc.constantFrom(...ALPHABET, ...REFUSED), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('the title and tag pattern', () => {
  it('is the one pattern of both', () => {
    expect(patternOf(Tag)).toBe(patternOf(Title));
  });

  it.each([
    ['a', true],
    ['  a  ', true],
    ['\u00a0x\t', true],
    ['😀', true],
    ['', false],
    ['   ', false],
    ['\t\n\u3000', false],
    ['a\u0000', false],
    ['\u0000a', false],
    [' \ud800 ', false],
    ['a\udfffb', false],
  ])('decides %j as the old pattern did (%s)', (text, accepted) => {
    expect(QUADRATIC.test(text)).toBe(accepted);
    expect(linear.test(text)).toBe(accepted);
  });

  it('accepts and refuses exactly the strings the old pattern did', () => {
    fc.assert(
      fc.property(fc.oneof(edgy, fc.string({ unit: 'binary' }), fc.string()), (text) => {
        expect(linear.test(text)).toBe(QUADRATIC.test(text));
      }),
      { numRuns: 20_000, seed: 20261201 },
    );
  });
});
