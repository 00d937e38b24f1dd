import { describe, expect, it } from 'vitest';
import { correctedQuery, mergeResults, numberPhrases, phraseWords, scoredPhraseHits, searchWords, searchWordsFile, searchWordsFromFile, synonymQueries, wordSourcesOf, SYNONYM_WEIGHT } from '../../src/lib/search-words.ts';
import { GOOD_FIXTURE, libraryOf } from './helpers.ts';

const library = await libraryOf(GOOD_FIXTURE);

describe('a release’s search words', () => {
  const words = searchWords(wordSourcesOf(library.draft!));

  it('maps the glossary’s aliases and everyday words to the playbook’s words', () => {
    // The draft's glossary: "Peer supporter", also written "peer".
    expect(words.synonyms.peer).toEqual(['peer supporter']);
    expect(words.synonyms.lawsuit).toEqual(['litigation']);
    expect(searchWords(wordSourcesOf(library.latest)).synonyms.peer).toBeUndefined();
  });

  it('collects the words of titles, headings and the glossary, once each, sorted', () => {
    const page = library.draft!.pages[0];
    for (const word of page.title.toLowerCase().match(/[a-z]{3,}/g)!) expect(words.vocabulary).toContain(word);
    expect(words.vocabulary).toEqual([...new Set(words.vocabulary)].sort());
    expect(words.vocabulary.every((word) => word.length >= 4 && !/^\d+$/.test(word))).toBe(true);
  });

  it('writes only the glossary’s synonyms to the file, and reads the everyday ones back', () => {
    const file = searchWordsFile(words);
    expect(file.synonyms).toEqual({ peer: ['peer supporter'] });
    expect(file.vocabulary.split(' ')).toEqual(words.vocabulary);
    expect(searchWordsFromFile(JSON.parse(JSON.stringify(file)))).toEqual(words);
  });
});

describe('queries beside the one typed', () => {
  const synonyms = { lawsuit: ['litigation'], 'return on investment': ['business case'], eap: ['employee assistance program'] };

  it('replaces a reader’s word or phrase with the playbook’s, on whole words only', () => {
    expect(synonymQueries('lawsuit', { synonyms })).toEqual(['litigation']);
    expect(synonymQueries('Return on investment of support', { synonyms })).toEqual(['business case of support']);
    expect(synonymQueries('EAP referral', { synonyms })).toEqual(['employee assistance program referral']);
    expect(synonymQueries('lawsuits', { synonyms })).toEqual([]);
    expect(synonymQueries('heap', { synonyms })).toEqual([]);
  });

  it('asks for the exact phrase of a word and its number', () => {
    expect(numberPhrases('tier 2')).toEqual(['"tier 2"']);
    expect(numberPhrases('Tier 3 referral and stage 4')).toEqual(['"tier 3"', '"stage 4"']);
    expect(numberPhrases('tier two')).toEqual([]);
  });
});

describe('did you mean', () => {
  const vocabulary = ['confidentiality', 'distress', 'family', 'marital', 'practice', 'supporters'];

  it('corrects a misspelling to the release’s own word', () => {
    expect(correctedQuery('confidentallity', { vocabulary })).toBe('confidentiality');
    expect(correctedQuery('marrital', { vocabulary })).toBe('marital');
    expect(correctedQuery('famly limits', { vocabulary })).toBe('family limits');
  });

  it('leaves known words, short words and real words far from any alone', () => {
    expect(correctedQuery('marital', { vocabulary })).toBeUndefined();
    expect(correctedQuery('fam', { vocabulary })).toBeUndefined();
    expect(correctedQuery('malpractice', { vocabulary })).toBeUndefined();
  });
});

describe('merging the searches of one query', () => {
  const r = (id: string, score: number) => ({ id, score });

  it('keeps each page once with its best score, a synonym counting a little less', () => {
    const merged = mergeResults({ typed: [r('a', 2), r('b', 1)], synonyms: [[r('c', 10), r('a', 1)]] });
    expect(merged.map((result) => result.id)).toEqual(['c', 'a', 'b']);
    expect(SYNONYM_WEIGHT).toBeLessThan(1);
    expect(mergeResults({ typed: [r('a', 9.5)], synonyms: [[r('b', 10)]] }).map((result) => result.id)).toEqual(['a', 'b']);
  });

  it('puts pages with the exact number phrase first: "tier 2" before a list of citations', () => {
    const merged = mergeResults({ typed: [r('references', 9), r('tiers', 6), r('log', 4)], phrases: [[r('log', 1), r('tiers', 1)]] });
    expect(merged.map((result) => result.id)).toEqual(['tiers', 'log', 'references']);
  });

  it('scores the pages holding a phrase by its words, since Pagefind scores every exact-phrase hit 1', () => {
    expect(phraseWords('"tier 2"')).toBe('tier');
    expect(phraseWords('"stage 3 of recovery"')).toBe('stage of recovery');
    const hits = scoredPhraseHits([r('references', 1), r('tiers', 1)], [r('tiers', 4.4), r('references', 0.3), r('log', 2)]);
    expect(hits.map((hit) => [hit.id, hit.score])).toEqual([['references', 0.3], ['tiers', 4.4]]);
    expect(mergeResults({ typed: [r('references', 9), r('tiers', 6)], phrases: [hits] }).map((result) => result.id)).toEqual(['tiers', 'references']);
  });

  it('ranks the pages holding the phrase by the phrase, not by stray numbers the typed words matched', () => {
    // References holds "tier 2" once, but its years and pages made the typed "2" score it highest.
    const merged = mergeResults({ typed: [r('references', 9), r('tiers', 6)], phrases: [[r('references', 0.5), r('tiers', 3)]] });
    expect(merged.map((result) => result.id)).toEqual(['tiers', 'references']);
  });

  it('puts a corrected spelling’s results first or after, without repeating a page', () => {
    const typed = [r('a', 3)];
    const corrected = { results: [r('b', 5), r('a', 4)], first: true };
    expect(mergeResults({ typed, corrected }).map((result) => result.id)).toEqual(['b', 'a']);
    expect(mergeResults({ typed, corrected: { ...corrected, first: false } }).map((result) => result.id)).toEqual(['a', 'b']);
  });
});
