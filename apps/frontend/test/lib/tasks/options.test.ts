import { FREQUENCIES, PRIORITIES, SORT_FIELDS } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { DUE_FILTERS } from '@/lib/tasks/filters';
import {
  DUE_OPTIONS,
  FREQUENCY_OPTIONS,
  optionValue,
  PRIORITY_OPTIONS,
  priorityLabel,
  SORT_OPTIONS,
} from '@/lib/tasks/options';

describe('options', () => {
  it('offers every value of the contract once, with words', () => {
    for (const [options, values] of [
      [PRIORITY_OPTIONS, PRIORITIES],
      [FREQUENCY_OPTIONS, FREQUENCIES],
      [SORT_OPTIONS, SORT_FIELDS],
      [DUE_OPTIONS, DUE_FILTERS],
    ] as const) {
      expect(options.map((option) => option.value).sort()).toEqual([...values].sort());
      for (const option of options) expect(option.label).toMatch(/^[A-Z]/);
    }
  });

  it('lists priorities most important first', () => {
    expect(PRIORITY_OPTIONS.map((option) => option.label)).toEqual(['High', 'Medium', 'Low']);
    expect(priorityLabel('medium')).toBe('Medium');
  });

  it('names each repeat frequency as the first version named its values', () => {
    expect(FREQUENCY_OPTIONS.map((option) => option.label)).toEqual([
      'Every day',
      'Every week',
      'Every month',
      'Every year',
    ]);
  });

  it('accepts only a listed value from a select', () => {
    expect(optionValue(SORT_OPTIONS, 'due')).toBe('due');
    expect(optionValue(SORT_OPTIONS, 'DUE')).toBeUndefined();
    expect(optionValue(PRIORITY_OPTIONS, '')).toBeUndefined();
  });
});
