// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TagInput } from '@/components/tasks/tag-input';

function Harness({ initial = [] as string[] }) {
  const [tags, setTags] = useState(initial);
  return (
    <>
      <label htmlFor="tags">Tags</label>
      <TagInput id="tags" tags={tags} suggestions={['work', 'home']} onChange={setTags} />
      <output data-testid="tags">{tags.join(',')}</output>
    </>
  );
}

const input = () => screen.getByLabelText('Tags') as HTMLInputElement;
const tags = () => screen.getByTestId('tags').textContent;
function type(value: string, key = 'Enter') {
  fireEvent.change(input(), { target: { value } });
  fireEvent.keyDown(input(), { key });
}

describe('TagInput', () => {
  afterEach(cleanup);

  it('adds a typed tag on Enter or comma, normalised, without duplicates', () => {
    render(<Harness />);
    type(' Errands ');
    type('work', ',');
    type('ERRANDS');
    expect(tags()).toBe('errands,work');
    expect(input().value).toBe('');
  });

  it('removes a tag with its button or Backspace in the empty box', () => {
    render(<Harness initial={['a', 'b', 'c']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    expect(tags()).toBe('a,c');
    fireEvent.keyDown(input(), { key: 'Backspace' });
    expect(tags()).toBe('a');
  });

  it('offers existing tags that are not on the task yet', () => {
    render(<Harness initial={['work']} />);
    const options = [...document.querySelectorAll('datalist option')].map((option) =>
      option.getAttribute('value'),
    );
    expect(options).toEqual(['home']);
  });

  it('explains the limits', () => {
    render(<Harness initial={Array.from({ length: 10 }, (_, index) => `t${index}`)} />);
    type('eleventh');
    expect(screen.getByText('A task can have at most 10 tags.')).toBeTruthy();
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().value).toBe('eleventh');
  });

  it('adds what is left in the box when focus moves on', () => {
    render(<Harness />);
    fireEvent.change(input(), { target: { value: 'later' } });
    fireEvent.blur(input());
    expect(tags()).toBe('later');
  });
});
