// Stand-in for Next's `server-only` marker module.
export {};
