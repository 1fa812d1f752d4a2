export {
  type RuleColumns,
  recurrenceOf,
  repeatFields,
  ruleColumns,
  ruleFromInput,
  ruleFromRecurrence,
  storedRule,
  toRepeat,
} from './api-fields.js';
export { icalendarRule, type SeriesColumns } from './icalendar-rule.js';
export { firstOccurrence } from './occurrences.js';
export {
  COPIED_FIELDS,
  type CompletionPlan,
  type CopiedField,
  copiedFields,
  type NextOccurrence,
  needsPlanner,
  PLANNER_NOT_NEEDED_WHEN,
  type PlannerTask,
  planCompletion,
} from './planner.js';
export { formatRRule, parseRRule } from './rrule.js';
export { checkRule, type RepeatRule, type RuleResult } from './rule.js';
export { isNextOccurrence, seriesAnchor } from './series.js';
export { summarizeRule } from './summary.js';
