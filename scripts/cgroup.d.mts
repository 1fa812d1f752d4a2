export function parseQuantity(value: string): number;
export function createCgroups(name: string, limits: { memory: string; cpu: string }): string[];
export function removeCgroups(groups: string[]): void;
export function peakMemoryMiB(pid: number): number;
export function joinCgroups(groups: string[], pid: number): void;
