export { escapeToken, parseQuickAdd } from './parse-quick-add.js';
export type {
  QuickAddOptions,
  QuickAddResult,
  QuickAddToken,
  QuickAddTokenKind,
} from './types.js';
