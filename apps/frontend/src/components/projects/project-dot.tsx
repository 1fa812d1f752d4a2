import type { ProjectColor } from '@todo/contract';
import type { CSSProperties } from 'react';
import { swatchStyle } from '@/lib/projects/colors';

/** A project's colour as a small dot; decorative, the name always goes with it. */
export function ProjectDot({ color }: { color: ProjectColor }) {
  return (
    <span className="project-dot" aria-hidden="true" style={swatchStyle(color) as CSSProperties} />
  );
}
