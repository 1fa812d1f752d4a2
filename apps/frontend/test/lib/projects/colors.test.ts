import { PROJECT_COLORS } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { COLOR_OPTIONS, PROJECT_SWATCHES, swatchStyle } from '@/lib/projects/colors';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

// The backgrounds a dot sits on: --bg and --surface of each theme in globals.css.
const LIGHT = ['#f6f7f9', '#ffffff', '#f0f1f5'];
const DARK = ['#131418', '#1c1e24', '#252831'];

describe('project colours', () => {
  it('has a swatch and a label for every colour of the contract', () => {
    expect(COLOR_OPTIONS.map((option) => option.value)).toEqual([...PROJECT_COLORS]);
    expect(new Set(COLOR_OPTIONS.map((option) => option.label)).size).toBe(PROJECT_COLORS.length);
  });

  it.each(PROJECT_COLORS)('%s reaches 3:1 on every background of both themes', (color) => {
    const swatch = PROJECT_SWATCHES[color];
    for (const background of LIGHT)
      expect(contrast(swatch.light, background)).toBeGreaterThanOrEqual(3);
    for (const background of DARK)
      expect(contrast(swatch.dark, background)).toBeGreaterThanOrEqual(3);
  });

  it('fails a colour too pale for the light theme (the check can fail)', () => {
    expect(contrast('#facc15', '#ffffff')).toBeLessThan(3);
  });

  it('hands both theme colours to the dot', () => {
    expect(swatchStyle('blue')).toEqual({ '--dot-light': '#2563eb', '--dot-dark': '#60a5fa' });
  });
});
