/** A list that tests can wait on: what a local push or SMTP server received, in order. */
export interface Arrivals<T> {
  items: T[];
  add(item: T): void;
  /** Resolves with a copy once `count` items are in (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
}

export function arrivals<T>(noun: string): Arrivals<T> {
  const items: T[] = [];
  const listeners = new Set<() => void>();
  return {
    items,
    add(item) {
      items.push(item);
      for (const listener of listeners) listener();
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (items.length < count) return;
          cleanup();
          resolve(items.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${items.length} of ${count} ${noun} arrived in ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}
