import { PROJECT_COLORS, type ProjectColor } from '@todo/contract';

export interface Swatch {
  label: string;
  /** On the light theme's surfaces. */
  light: string;
  /** On the dark theme's surfaces. */
  dark: string;
}

/**
 * The palette's names as colours. Each reaches 3:1 against both themes' page and card
 * backgrounds (WCAG 1.4.11, non-text contrast), which test/lib/projects/colors.test.ts checks.
 */
export const PROJECT_SWATCHES: Record<ProjectColor, Swatch> = {
  grey: { label: 'Grey', light: '#6b7280', dark: '#9ca3af' },
  red: { label: 'Red', light: '#dc2626', dark: '#f87171' },
  orange: { label: 'Orange', light: '#c2410c', dark: '#fb923c' },
  yellow: { label: 'Yellow', light: '#a16207', dark: '#facc15' },
  green: { label: 'Green', light: '#15803d', dark: '#4ade80' },
  teal: { label: 'Teal', light: '#0f766e', dark: '#2dd4bf' },
  blue: { label: 'Blue', light: '#2563eb', dark: '#60a5fa' },
  purple: { label: 'Purple', light: '#7c3aed', dark: '#c084fc' },
  pink: { label: 'Pink', light: '#db2777', dark: '#f472b6' },
};

export const COLOR_OPTIONS = PROJECT_COLORS.map((value) => ({
  value,
  label: PROJECT_SWATCHES[value].label,
}));

/** The CSS custom properties a colour dot reads (`.project-dot` picks one per theme). */
export function swatchStyle(color: ProjectColor): Record<'--dot-light' | '--dot-dark', string> {
  const swatch = PROJECT_SWATCHES[color];
  return { '--dot-light': swatch.light, '--dot-dark': swatch.dark };
}
