import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src/calendar/ics-text.js';

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space is removed. */
const unfold = (folded: string) => folded.replaceAll('\r\n ', '');

describe('foldLine', () => {
  it.each([
    ['ASCII', 'x'.repeat(300)],
    ['an emoji across the 75th octet', `${'a'.repeat(73)}${'🎉'.repeat(40)}`],
    ['two-octet letters', 'é'.repeat(200)],
    ['a family emoji (a sequence of code points)', `${'b'.repeat(70)}👩‍👩‍👧‍👦 end`],
  ])('folds %s into lines of at most 75 octets without cutting a character', (_, line) => {
    const folded = foldLine(`SUMMARY:${line}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, physical] of lines.entries()) {
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
      if (index > 0) expect(physical.startsWith(' ')).toBe(true);
    }
    expect(unfold(folded)).toBe(`SUMMARY:${line}`);
  });

  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break; drops controls', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
  });
});
