'use client';

import { DEFAULT_SORT_ORDER, type TagCount } from '@todo/contract';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useOptimistic, useRef, useState, useTransition } from 'react';
import { filtersHref, isFiltered, type TaskFilters, withFilters } from '@/lib/tasks/filters';
import { DUE_OPTIONS, optionValue, PRIORITY_OPTIONS, SORT_OPTIONS } from '@/lib/tasks/options';
import { SearchIcon } from '../ui/icons';

export const SEARCH_INPUT_ID = 'task-search';

const STATUS_LINKS = [
  { status: 'all', label: 'All' },
  { status: 'pending', label: 'To do' },
  { status: 'completed', label: 'Done' },
] as const;

/** Search, filters and sort. Every change rewrites the URL, which the server page reads. */
export function FilterBar({ filters, tags }: { filters: TaskFilters; tags: TagCount[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(filters.q);
  // Searches sent but not yet reflected in the URL, so that their arrival does not reset typing.
  const inFlight = useRef<string[]>([]);
  const lastSent = useRef(filters.q);

  // What the controls show: the filters asked for, even while the page for them is loading, so
  // quick successive changes build on each other instead of on the last rendered URL.
  const [shown, setShown] = useOptimistic(filters);

  const go = (change: Partial<TaskFilters>) => {
    const next = withFilters(shown, change);
    startTransition(() => {
      setShown(next);
      router.replace(filtersHref(next), { scroll: false });
    });
  };

  const search = (typed: string) => {
    lastSent.current = typed;
    inFlight.current.push(typed);
    go({ q: typed });
  };

  // Keep the box in step with the URL when something else changed it (back, clear filters).
  useEffect(() => {
    const index = inFlight.current.indexOf(filters.q);
    if (index >= 0) {
      inFlight.current = inFlight.current.slice(index + 1);
      return;
    }
    inFlight.current = [];
    lastSent.current = filters.q;
    setQuery(filters.q);
  }, [filters.q]);

  // Search as the user types, once they pause.
  useEffect(() => {
    const typed = query.trim();
    if (typed === lastSent.current) return;
    const timer = setTimeout(() => search(typed), 350);
    return () => clearTimeout(timer);
  });

  const order = shown.order ?? DEFAULT_SORT_ORDER[shown.sort];
  const tagOptions = tags.map((tag) => tag.tag);
  for (const tag of shown.tags) if (!tagOptions.includes(tag)) tagOptions.push(tag);

  return (
    <section className="filters" aria-label="Search and filters" aria-busy={pending || undefined}>
      <search className="search">
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          Search tasks
        </label>
        <SearchIcon className="search-icon" />
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          className="input search-input"
          placeholder="Search tasks  ( / )"
          value={query}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              if (query.trim() !== lastSent.current) search(query.trim());
            } else if (event.key === 'Escape' && query) {
              event.preventDefault();
              setQuery('');
            }
          }}
        />
      </search>
      <nav className="segmented" aria-label="Status">
        {STATUS_LINKS.map(({ status, label }) => (
          <Link
            key={status}
            href={filtersHref(withFilters(shown, { status }))}
            replace
            scroll={false}
            className="segment"
            aria-current={shown.status === status ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      <fieldset className="priority-filter">
        <legend className="visually-hidden">Priority</legend>
        {PRIORITY_OPTIONS.map(({ value: priority, label }) => {
          const on = shown.priorities.includes(priority);
          return (
            <button
              key={priority}
              type="button"
              className={`chip chip-${priority}`}
              aria-pressed={on}
              onClick={() =>
                go({
                  priorities: on
                    ? shown.priorities.filter((other) => other !== priority)
                    : [...shown.priorities, priority],
                })
              }
            >
              {label}
            </button>
          );
        })}
      </fieldset>
      <div className="filter-selects">
        <div className="compact-field">
          <label htmlFor="filter-tag" className="compact-label">
            Tag
          </label>
          <select
            id="filter-tag"
            className="input select"
            value={shown.tags[0] ?? ''}
            onChange={(event) => go({ tags: event.target.value ? [event.target.value] : [] })}
          >
            <option value="">Any tag</option>
            {tagOptions.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        </div>
        <div className="compact-field">
          <label htmlFor="filter-due" className="compact-label">
            Due
          </label>
          <select
            id="filter-due"
            className="input select"
            value={shown.due ?? ''}
            onChange={(event) => go({ due: optionValue(DUE_OPTIONS, event.target.value) ?? null })}
          >
            <option value="">Any time</option>
            {DUE_OPTIONS.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="compact-field">
          <label htmlFor="filter-sort" className="compact-label">
            Sort
          </label>
          <select
            id="filter-sort"
            className="input select"
            value={shown.sort}
            onChange={(event) => {
              const sort = optionValue(SORT_OPTIONS, event.target.value);
              if (sort) go({ sort, order: null });
            }}
          >
            {SORT_OPTIONS.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-ghost button-small order-button"
          aria-label={`Order: ${order === 'asc' ? 'ascending' : 'descending'}. Reverse it.`}
          onClick={() => go({ order: order === 'asc' ? 'desc' : 'asc' })}
        >
          {order === 'asc' ? '↑ Asc' : '↓ Desc'}
        </button>
        {isFiltered(shown) ? (
          <Link href="/" className="button button-ghost button-small" scroll={false}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </section>
  );
}
