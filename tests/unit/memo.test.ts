import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/lib/memo.ts';

describe('BoundedCache', () => {
  it('keeps at most its limit, dropping the entry used longest ago', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('makes a value once per key, and again once it has been dropped', () => {
    const cache = new BoundedCache<string, number>(1);
    let made = 0;
    const make = () => ++made;
    expect(cache.getOrSet('a', make)).toBe(1);
    expect(cache.getOrSet('a', make)).toBe(1);
    cache.getOrSet('b', make);
    expect(cache.getOrSet('a', make)).toBe(3);
  });

  it('refuses a limit below 1', () => {
    expect(() => new BoundedCache(0)).toThrow(/limit of at least 1/);
  });
});
