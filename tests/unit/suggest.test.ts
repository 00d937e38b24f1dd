import { describe, expect, it } from 'vitest';
import { requestedId, suggestPages } from '../../src/lib/suggest.ts';

const latest = [
  { id: 'three-tier-model', title: 'The three-tier model' },
  { id: 'threats-from-patients', title: 'Threats from patients' },
  { id: 'activation', title: 'Activation after an event' },
  { id: 'litigation', title: 'When litigation follows' },
];

describe('the 404 page suggestions', () => {
  it('reads the page id from any kind of address', () => {
    expect(requestedId('/v/1.0/three-tier-model/')).toBe('three-tier-model');
    expect(requestedId('/latest/Activation')).toBe('activation');
    expect(requestedId('/draft/litigation/index.html')).toBe('litigation');
    expect(requestedId('/')).toBeUndefined();
  });

  it('offers the same id in the latest release when it exists there', () => {
    expect(suggestPages('/v/9.9/litigation/', latest)).toEqual([{ url: '/latest/litigation/', title: 'When litigation follows', reason: 'same-id' }]);
  });

  it('offers ids spelt nearly the same, closest first', () => {
    expect(suggestPages('/latest/three-teir-model/', latest).map((s) => s.url)).toEqual(['/latest/three-tier-model/']);
    expect(suggestPages('/latest/activaton/', latest).map((s) => s.url)).toEqual(['/latest/activation/']);
    expect(suggestPages('/latest/threats/', latest).map((s) => s.url)).toEqual(['/latest/threats-from-patients/']);
  });

  it('offers nothing for an address that resembles no page', () => {
    expect(suggestPages('/latest/quarterly-budget-spreadsheet/', latest)).toEqual([]);
  });
});
