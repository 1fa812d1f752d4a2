import {
  FREQUENCIES,
  type Frequency,
  PRIORITIES,
  type Priority,
  SORT_FIELDS,
  type SortField,
} from '@todo/contract';
import { DUE_FILTERS, type DueFilter } from '@/lib/tasks/filters';

/** One option of a select or a filter: the value sent, the words shown. */
export interface Option<T extends string> {
  value: T;
  label: string;
}

const PRIORITY_LABELS: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };
/** The repeat editor's frequencies, in the words of the first version's fixed values. */
const FREQUENCY_LABELS: Record<Frequency, string> = {
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  yearly: 'Every year',
};
const SORT_LABELS: Record<SortField, string> = {
  created: 'Date added',
  due: 'Due date',
  priority: 'Priority',
  title: 'Title',
};

const DUE_LABELS: Record<DueFilter, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due this week',
  none: 'No due date',
};

export const DUE_OPTIONS: readonly Option<DueFilter>[] = DUE_FILTERS.map((value) => ({
  value,
  label: DUE_LABELS[value],
}));

/** Most important first, as every select and filter lists them. */
export const PRIORITY_OPTIONS: readonly Option<Priority>[] = [...PRIORITIES]
  .reverse()
  .map((value) => ({ value, label: PRIORITY_LABELS[value] }));

export const FREQUENCY_OPTIONS: readonly Option<Frequency>[] = FREQUENCIES.map((value) => ({
  value,
  label: FREQUENCY_LABELS[value],
}));

export const SORT_OPTIONS: readonly Option<SortField>[] = SORT_FIELDS.map((value) => ({
  value,
  label: SORT_LABELS[value],
}));

export function priorityLabel(priority: Priority): string {
  return PRIORITY_LABELS[priority];
}

/** The option whose value a select reported, or undefined for anything else. */
export function optionValue<T extends string>(
  options: readonly Option<T>[],
  value: string,
): T | undefined {
  return options.find((option) => option.value === value)?.value;
}
