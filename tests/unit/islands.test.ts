import { describe, expect, it } from 'vitest';
import { IslandError, islandData, islandRoot, islandRoots, requiredPart } from '../../src/lib/islands.ts';

/** A stand-in for a document or element: selectors mapped to what they find. */
function tree(found: Record<string, unknown[]>) {
  return {
    querySelector: (selector: string) => found[selector]?.[0] ?? null,
    querySelectorAll: (selector: string) => found[selector] ?? [],
  };
}

describe('islands bound to their root', () => {
  it('find their roots by the attribute their component writes', () => {
    const doc = tree({ '[data-receipt]': ['receipt'], '[data-cite]': ['a', 'b'] });
    expect(islandRoot(doc, 'receipt')).toBe('receipt');
    expect(islandRoots(doc, 'cite')).toEqual(['a', 'b']);
    expect(islandRoot(doc, 'compare')).toBeUndefined();
  });

  it('fail with a named error when their root lacks a part their component always writes', () => {
    const root = tree({ '[data-receipt-form]': ['form'] });
    expect(requiredPart(root, 'receipt', '[data-receipt-form]')).toBe('form');
    expect(() => requiredPart(root, 'receipt', '[data-receipt-make]')).toThrow(IslandError);
    expect(() => requiredPart(root, 'receipt', '[data-receipt-make]')).toThrow(/^receipt island: no \[data-receipt-make\] in its root$/);
  });

  it('read their JSON data, and name the island when it cannot be read', () => {
    expect(islandData<{ track: string }>({ textContent: '{"track":"lead"}' }, 'progress')).toEqual({ track: 'lead' });
    expect(() => islandData({ textContent: '' }, 'progress')).toThrow(/^progress island: no readable JSON data in its root$/);
  });
});
