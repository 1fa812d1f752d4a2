export { escapeToken, parseQuickAdd } from './parse-quick-add.js';
export { describeMinutes } from './reminder-phrase.js';
export type {
  QuickAddOptions,
  QuickAddResult,
  QuickAddToken,
  QuickAddTokenKind,
} from './types.js';
