export { parseQuickAdd } from './parse-quick-add.js';
export { escapeToken } from './spans.js';
export type {
  QuickAddOptions,
  QuickAddResult,
  QuickAddToken,
  QuickAddTokenKind,
} from './types.js';
