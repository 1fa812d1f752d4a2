// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEQUENCE_TIMEOUT_MS, useShortcuts } from '@/components/tasks/use-shortcuts';

const calls: string[] = [];
const shortcuts = {
  n: () => calls.push('n'),
  '?': () => calls.push('help'),
  'g t': () => calls.push('today'),
  'g i': () => calls.push('inbox'),
};

function Harness() {
  useShortcuts(shortcuts);
  return (
    <div>
      <input aria-label="Title" />
      <input type="checkbox" aria-label="Done" />
      <textarea aria-label="Notes" />
    </div>
  );
}

const press = (key: string, target: Element | Document = document, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(target, { key, ...init });

describe('useShortcuts', () => {
  beforeEach(() => {
    calls.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('runs single keys and two-key sequences', () => {
    render(<Harness />);
    press('n');
    press('?', document, { shiftKey: true });
    press('g');
    press('t');
    press('G');
    press('I');
    expect(calls).toEqual(['n', 'help', 'today', 'inbox']);
  });

  it('forgets the first key of a sequence after a pause, and after another key', () => {
    render(<Harness />);
    press('g');
    act(() => vi.advanceTimersByTime(SEQUENCE_TIMEOUT_MS + 1));
    press('t');
    press('g');
    press('x');
    press('t');
    expect(calls).toEqual([]);
  });

  it('stays out of the way while the user types, but not on a checkbox', () => {
    const { getByLabelText } = render(<Harness />);
    press('n', getByLabelText('Title'));
    press('g', getByLabelText('Notes'));
    press('t', getByLabelText('Notes'));
    expect(calls).toEqual([]);
    press('n', getByLabelText('Done'));
    expect(calls).toEqual(['n']);
  });

  it('ignores keys held with a modifier (the browser’s own shortcuts)', () => {
    render(<Harness />);
    press('n', document, { ctrlKey: true });
    press('n', document, { metaKey: true });
    expect(calls).toEqual([]);
  });
});
