import type { QuickAddToken, QuickAddTokenKind } from '@todo/schedule';

/** A project quick add can name: the person's own, by id and name. */
export interface ProjectRef {
  id: number;
  name: string;
}

/** What the view adds to a task typed without them: its project, and today in Today. */
export interface QuickAddDefaults {
  projectId: number | null;
  dueToday: boolean;
}

export const NO_DEFAULTS: QuickAddDefaults = { projectId: null, dueToday: false };

/** A stretch of the typed line, highlighted when quick add understood it. */
export interface HighlightSegment {
  start: number;
  text: string;
  kind: QuickAddTokenKind | null;
}

/**
 * The line cut at the tokens' offsets, for the layer drawn behind the input: joined, the
 * segments are exactly the text, so every highlight sits under the characters it marks.
 */
export function highlightSegments(
  text: string,
  tokens: readonly QuickAddToken[],
): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    if (token.start < at || token.end > text.length || token.end <= token.start) continue;
    if (token.start > at)
      segments.push({ start: at, text: text.slice(at, token.start), kind: null });
    segments.push({
      start: token.start,
      text: text.slice(token.start, token.end),
      kind: token.kind,
    });
    at = token.end;
  }
  if (at < text.length) segments.push({ start: at, text: text.slice(at), kind: null });
  return segments;
}

/** The project a parsed name means, ignoring case as the backend does; undefined when unknown. */
export function findProject(projects: readonly ProjectRef[], name: string): ProjectRef | undefined {
  const wanted = name.toLocaleLowerCase();
  return projects.find((project) => project.name.toLocaleLowerCase() === wanted);
}
