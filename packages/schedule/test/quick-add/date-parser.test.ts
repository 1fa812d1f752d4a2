import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { dateParser } from '../../src/quick-add/date-phrase.js';

const now = new Date('2026-12-01T10:00:00Z');

describe('the date parser quick add uses', () => {
  it('is chrono’s English casual parser without the two costly relative-duration parsers', () => {
    expect(dateParser.parsers.length).toBe(chrono.casual.parsers.length - 2);
    for (const text of ['3 days ago', '2 weeks later', '2 weeks from now']) {
      // chrono reads them whole; ours does not ("now" alone quick add leaves in the title).
      expect(chrono.casual.parse(text, now).map((result) => result.text)).toEqual([text]);
      expect(dateParser.parse(text, now).map((result) => result.text)).not.toContain(text);
    }
  });

  it('still reads every other form', () => {
    for (const text of ['in 3 days', 'tomorrow 9am', 'next fri', 'Dec 24 18:00', '24/12']) {
      expect(dateParser.parse(text, now).map((result) => result.text)).toEqual([text]);
    }
  });
});
