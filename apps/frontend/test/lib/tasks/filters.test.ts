import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  filtersHref,
  isFiltered,
  parseFilters,
  serializeFilters,
  withFilters,
} from '@/lib/tasks/filters';

describe('parseFilters', () => {
  it('reads every filter from a query string', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'status=pending&priority=high&priority=low&tag=Work&tag=home&q=milk&due=today&sort=due&order=desc&page=3',
      ),
    );
    expect(filters).toEqual({
      status: 'pending',
      priorities: ['high', 'low'],
      tags: ['work', 'home'],
      q: 'milk',
      due: 'today',
      sort: 'due',
      order: 'desc',
      page: 3,
    });
  });

  it('reads the object Next.js passes as searchParams', () => {
    expect(parseFilters({ tag: ['a', 'b'], status: 'completed', q: undefined })).toMatchObject({
      tags: ['a', 'b'],
      status: 'completed',
      q: '',
    });
  });

  it('falls back to defaults for unknown or malformed values instead of failing', () => {
    expect(
      parseFilters(
        new URLSearchParams('status=nope&priority=urgent&due=someday&sort=random&order=up&page=-2'),
      ),
    ).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(undefined)).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('page=abc'))).toEqual(DEFAULT_FILTERS);
  });

  it('accepts comma-separated priorities, dedupes them and orders them high to low', () => {
    expect(parseFilters(new URLSearchParams('priority=low,high&priority=high')).priorities).toEqual(
      ['high', 'low'],
    );
  });

  it('normalises tags like the backend stores them and keeps at most ten', () => {
    const params = new URLSearchParams();
    for (const tag of [' Work ', 'work', '', 'x'.repeat(33), ...'abcdefghijkl'.split('')]) {
      params.append('tag', tag);
    }
    const { tags } = parseFilters(params);
    expect(tags[0]).toBe('work');
    expect(tags).toHaveLength(10);
    expect(tags).not.toContain('');
  });

  it('trims the search and caps it at 200 characters', () => {
    expect(parseFilters(new URLSearchParams(`q=${'  milk  '}`)).q).toBe('milk');
    expect(parseFilters(new URLSearchParams(`q=${'a'.repeat(300)}`)).q).toHaveLength(200);
  });
});

describe('serializeFilters', () => {
  it('leaves defaults out so a plain list is just /', () => {
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(filtersHref(DEFAULT_FILTERS)).toBe('/');
  });

  it('round-trips through parseFilters', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      status: 'pending' as const,
      priorities: ['high' as const],
      tags: ['work', 'deep focus'],
      q: 'milk & eggs',
      due: 'week' as const,
      sort: 'title' as const,
      order: 'desc' as const,
      page: 2,
    };
    expect(parseFilters(serializeFilters(filters))).toEqual(filters);
    expect(filtersHref(filters)).toBe(
      '/?q=milk+%26+eggs&status=pending&priority=high&tag=work&tag=deep+focus&due=week&sort=title&order=desc&page=2',
    );
  });

  it('omits an order that is the natural one for the sort field', () => {
    expect(filtersHref({ ...DEFAULT_FILTERS, sort: 'due', order: 'asc' })).toBe('/?sort=due');
    expect(filtersHref({ ...DEFAULT_FILTERS, sort: 'priority', order: 'desc' })).toBe(
      '/?sort=priority',
    );
    expect(filtersHref({ ...DEFAULT_FILTERS, sort: 'priority', order: 'asc' })).toBe(
      '/?sort=priority&order=asc',
    );
  });
});

describe('withFilters and isFiltered', () => {
  it('goes back to the first page on any change but the page', () => {
    const onPage3 = { ...DEFAULT_FILTERS, page: 3 };
    expect(withFilters(onPage3, { q: 'x' }).page).toBe(1);
    expect(withFilters(onPage3, { page: 4 }).page).toBe(4);
  });

  it('tells a narrowed list from the whole list (sorting does not narrow)', () => {
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, sort: 'title' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, due: 'none' })).toBe(true);
    expect(isFiltered({ ...DEFAULT_FILTERS, tags: ['a'] })).toBe(true);
  });
});
