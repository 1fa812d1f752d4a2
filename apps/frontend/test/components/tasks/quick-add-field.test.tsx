// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuickAddField } from '@/components/tasks/quick-add-field';
import { parseLine } from '@/lib/tasks/quick-add-plan';
import { stubAnimationFrames } from '../../support/animation-frames';

const PROJECTS = [{ id: 2, name: 'Home' }];
const NOW = new Date('2025-12-01T09:00:00Z');

function Harness({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  return (
    <QuickAddField
      id="qa"
      label="Title"
      text={text}
      parsed={parseLine(text, NOW, 'Europe/Berlin', PROJECTS)}
      projects={PROJECTS}
      onTextChange={setText}
    />
  );
}

const input = () => screen.getByLabelText('Title') as HTMLInputElement;
const chips = () =>
  within(screen.getByRole('list', { name: 'Recognised' })).queryAllByRole('listitem');

/** The marked stretches of the layer behind the input, as offsets into its text. */
function marks(): { kind: string; start: number; end: number }[] {
  const mirror = document.querySelector('.quick-add-mirror');
  const found: { kind: string; start: number; end: number }[] = [];
  let at = 0;
  for (const node of mirror?.querySelector('.quick-add-line')?.children ?? []) {
    const length = node.textContent?.length ?? 0;
    if (node.tagName === 'MARK') {
      found.push({ kind: node.getAttribute('data-kind') ?? '', start: at, end: at + length });
    }
    at += length;
  }
  return found;
}

describe('QuickAddField', () => {
  beforeEach(() => {
    stubAnimationFrames();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('highlights exactly the parser’s token ranges, behind the same text', () => {
    const text = 'Pay rent tomorrow 9am every month p1 #Home @bills';
    render(<Harness initial={text} />);
    const parsed = parseLine(text, NOW, 'Europe/Berlin', PROJECTS);
    expect(marks()).toEqual(parsed.tokens.map(({ kind, start, end }) => ({ kind, start, end })));
    expect(document.querySelector('.quick-add-mirror')?.textContent).toBe(text);
    expect(document.querySelector('.quick-add-mirror')?.getAttribute('aria-hidden')).toBe('true');
    expect(chips().map((chip) => chip.textContent)).toEqual(parsed.tokens.map((t) => t.label));
  });

  it('follows typing: the highlights and chips change with the text', () => {
    render(<Harness initial="" />);
    expect(marks()).toEqual([]);
    expect(chips()).toHaveLength(0);
    fireEvent.change(input(), { target: { value: 'Call mum p2' } });
    expect(marks()).toEqual([{ kind: 'priority', start: 9, end: 11 }]);
    expect(chips().map((chip) => chip.textContent)).toEqual(['Medium priority']);
  });

  it('a removed chip escapes its piece, which then reads as words of the title', () => {
    render(<Harness initial="Read tomorrow p1" />);
    const remove = screen.getByRole('button', { name: /^Remove date/ });
    fireEvent.click(remove);
    const after = input().value;
    const parsed = parseLine(after, NOW, 'Europe/Berlin', PROJECTS);
    expect(parsed.title).toBe('Read tomorrow');
    expect(parsed.dueAt).toBeNull();
    expect(parsed.priority).toBe('high');
    expect(marks().map((mark) => mark.kind)).toEqual(['priority']);
    expect(document.activeElement).toBe(input());
  });

  it('offers to create a project that does not exist yet, and names a known one', () => {
    render(<Harness initial="Fix the fence #Garden" />);
    expect(screen.getByRole('button', { name: 'Create project “Garden”' })).toBeTruthy();
    cleanup();
    render(<Harness initial="Fix the fence #home" />);
    expect(screen.queryByRole('button', { name: /Create project/ })).toBeNull();
    expect(chips().map((chip) => chip.textContent)).toEqual(['#Home']);
  });

  it('announces the chips politely', () => {
    render(<Harness initial="" />);
    expect(screen.getByRole('list', { name: 'Recognised' }).getAttribute('aria-live')).toBe(
      'polite',
    );
  });
});
