/**
 * Runs one repository operation (one query, or one transaction) under `operation`, its method's
 * name: the metrics plugin counts operations in flight with it.
 */
export type Observe = <T>(operation: string, work: () => Promise<T>) => Promise<T>;

export const unobserved: Observe = (_operation, work) => work();

/** Any async methods: a function of any parameters is one of `(...args: never[])`. */
type Methods = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * The repository's methods, each run through `observe`. A repository builds itself with it, so
 * no one patches its methods from outside; methods that call each other through `this` reach
 * the plain ones and count once.
 */
export function observed<M extends Methods>(methods: M, observe: Observe): M {
  const wrapped: Methods = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] = (...args) => observe(name, () => method.apply(methods, args));
  }
  return wrapped as M;
}
