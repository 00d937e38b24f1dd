/**
 * The one way src/lib keeps results for reuse: a map with a bound. Most pages repeat unchanged across
 * releases, so compiling, printing and reading aids are done once per distinct input; under
 * `npm run dev` a long session keeps making new inputs, and a bound keeps memory flat. The entry used
 * longest ago goes first (a Map iterates in insertion order; a hit moves its entry to the end).
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly limit: number;

  constructor(limit: number) {
    if (!(limit >= 1)) throw new RangeError(`BoundedCache: expected a limit of at least 1, found ${limit}`);
    this.limit = limit;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  /** The cached value for `key`, made by `make` the first time (a promise is cached as it is, so concurrent callers share it). */
  getOrSet(key: K, make: () => V): V {
    if (this.#entries.has(key)) return this.get(key) as V;
    const value = make();
    this.set(key, value);
    return value;
  }
}

/**
 * Distinct inputs a build may meet: every distinct page body of every release. The benchmark's 50
 * releases of 100 pages have about 350; the limit leaves room for far larger playbooks.
 */
export const DISTINCT_INPUTS = 10_000;
