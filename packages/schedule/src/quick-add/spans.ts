import type { QuickAddToken, Span } from './types.js';

// Straight quotes pair with each other; typographic ones (phones type them) with their partner.
const CLOSING: Record<string, string> = { '"': '"', '“': '”' };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** An escaped phrase: the quotes around it are dropped from the title, the words kept. */
export interface QuotedSpan extends Span {
  /** The phrase inside the quotes. */
  inner: Span;
}

// A quote closes where a word can end: `"Dune" 5" screen` quotes Dune only.
function closingQuote(text: string, from: number, closing: string): number {
  for (let end = text.indexOf(closing, from); end !== -1; end = text.indexOf(closing, end + 1)) {
    if (!LETTER_OR_DIGIT.test(text[end + 1] ?? '')) return end;
  }
  return -1;
}

/**
 * Phrases in quotes. A quote opens only where a word can start (`5" screen` is inches) and closes
 * where one can end; one that never closes is an ordinary character.
 */
export function findQuoted(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    const closing = CLOSING[char];
    if (closing !== undefined && !LETTER_OR_DIGIT.test(text[at - 1] ?? '')) {
      const end = closingQuote(text, at + 1, closing);
      if (end !== -1) {
        spans.push({ start: at, end: end + 1, inner: { start: at + 1, end } });
        at = end + 1;
        continue;
      }
    }
    at += 1;
  }
  return spans;
}

/** Which characters of the line something already claimed (a quote, a token). */
export class Claims {
  readonly #taken: Uint8Array;

  constructor(length: number) {
    this.#taken = new Uint8Array(length);
  }

  isFree({ start, end }: Span): boolean {
    for (let at = start; at < end; at += 1) if (this.#taken[at]) return false;
    return true;
  }

  claim({ start, end }: Span): void {
    this.#taken.fill(1, start, end);
  }

  /** The line with every claimed character replaced, so later parsers see no words there. */
  mask(text: string, filler: string): string {
    let masked = '';
    for (let at = 0; at < text.length; at += 1) masked += this.#taken[at] ? filler : text[at];
    return masked;
  }
}

/** Whether a marker (`#`, `@`, `p1`) at `at` begins a word: line start, space or bracket before. */
export function atWordStart(text: string, at: number): boolean {
  return at === 0 || /[\s([{]/.test(text[at - 1] ?? '');
}

// Punctuation that ends a sentence or clause, not a name: "@errand," "#Home." "(p1)".
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', "'", '"', '”']);

/** A name written after a marker, up to the next space, without trailing punctuation. */
export function nameAfter(text: string, at: number): string {
  let end = at;
  while (end < text.length && !/\s/.test(text[end] ?? '')) end += 1;
  while (end > at && TRAILING_PUNCTUATION.has(text[end - 1] ?? '')) end -= 1;
  return text.slice(at, end);
}

/**
 * The line with one token quoted, so it reads as words: what removing its chip does. A space
 * keeps the opening quote from touching a preceding letter (where it would not open).
 */
export function escapeToken(text: string, token: QuickAddToken): string {
  const before = text.slice(0, token.start);
  const space = /[\p{L}\p{N}]$/u.test(before) ? ' ' : '';
  return `${before}${space}"${text.slice(token.start, token.end)}"${text.slice(token.end)}`;
}
