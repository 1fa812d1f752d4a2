// Types for build-if-stale.mjs, which tests import.
export function buildIsStale(): boolean;
export function buildIfStale(): void;
