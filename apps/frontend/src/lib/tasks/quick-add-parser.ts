// The quick-add parser (chrono-node with its casual parsers, the repeat rules) is the largest
// piece of a signed-in page's JavaScript: loaded with the page, the quick-add input waited for it
// (docs/benchmarks.md, "JavaScript per route"). Forms load it when the person starts on a line;
// every form of the page shares the one load.

export type QuickAddParser = typeof import('./quick-add-plan');

let loaded: QuickAddParser | null = null;
let loading: Promise<QuickAddParser> | null = null;

/** The parser if it has arrived, so a form opened later shows its chips from the first render. */
export function loadedQuickAddParser(): QuickAddParser | null {
  return loaded;
}

/** Loads the parser once; a failed load (the network, a new deployment) is tried again next time. */
export function loadQuickAddParser(): Promise<QuickAddParser> {
  loading ??= import('./quick-add-plan').then(
    (parser) => {
      loaded = parser;
      return parser;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
