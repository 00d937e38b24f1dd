import { describe, expect, it } from 'vitest';
import { countText, gradeOf, isSafetyPage, pageReadability, SAFETY_GRADE_LIMIT } from '../../src/lib/readability.ts';

describe('countText', () => {
  it('counts sentences, words and syllables', () => {
    expect(countText(['The cat sat. The dog ran!'])).toEqual({ sentence: 2, word: 6, syllable: 6 });
  });

  it('ends a sentence at the end of each block, even without punctuation', () => {
    expect(countText(['A heading', 'A paragraph.']).sentence).toBe(2);
  });

  it('does not end a sentence at e.g., i.e. or et al.', () => {
    expect(countText(['Ask about means, e.g. medication at home.']).sentence).toBe(1);
    expect(countText(['Dazzi et al. found no harm.']).sentence).toBe(1);
  });
});

describe('gradeOf', () => {
  it('applies the Flesch-Kincaid grade formula', () => {
    // 0.39 * (20 / 2) + 11.8 * (30 / 20) - 15.59 = 6.01
    expect(gradeOf({ sentence: 2, word: 20, syllable: 30 })).toBe(6);
    expect(gradeOf({ sentence: 1, word: 10, syllable: 20 })).toBe(11.9);
  });

  it('is 0 for text without words', () => {
    expect(gradeOf({ sentence: 0, word: 0, syllable: 0 })).toBe(0);
  });
});

describe('pageReadability', () => {
  it('scores short plain sentences lower than long sentences of long words', () => {
    const plain = pageReadability('Stay with them. Ask directly. Call the lead today.\n');
    const dense = pageReadability(
      'Institutional considerations regarding confidentiality necessitate comprehensive organizational deliberation, particularly concerning documentation, retention, and jurisdictional variability of statutory protections.\n',
    );
    expect(plain.grade).toBeLessThan(SAFETY_GRADE_LIMIT);
    expect(dense.grade).toBeGreaterThan(SAFETY_GRADE_LIMIT);
  });

  it('does not count link addresses, component tags or attributes as words', () => {
    const withMarkup = pageReadability(
      '<Callout kind="warning" title="Many long attribute words here">\n\nCall [988](https://988lifeline.org/very/long/address) now.\n\n</Callout>\n',
    );
    expect(withMarkup.word).toBe(3);
  });
});

describe('isSafetyPage', () => {
  it('is true for a page tagged safety or listed by id, false otherwise', () => {
    expect(isSafetyPage({ id: 'anything', tags: ['safety'] })).toBe(true);
    expect(isSafetyPage({ id: 'escalation-and-safety', tags: [] })).toBe(true);
    expect(isSafetyPage({ id: 'faq', tags: ['questions'] })).toBe(false);
    expect(isSafetyPage({ id: 'faq' }, ['faq'])).toBe(true);
  });
});
